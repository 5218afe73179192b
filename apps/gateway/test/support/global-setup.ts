import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded-postgres';
import { createLogger } from '../../src/logger';

declare global {
  // eslint-disable-next-line no-var
  var __TANDEM_EMBEDDED__: { db: EmbeddedDatabase; dir: string } | undefined;
}

/**
 * Starts one PostgreSQL for the whole run (embedded, or the server of
 * DATABASE_URL). Each test file creates its own database on it, which the
 * gateway migrates on start like any fresh deployment. (No ORM here: MikroORM's
 * metadata must not be initialised outside the test's own module registry.)
 */
export default async function globalSetup(): Promise<void> {
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-test-'));
    const db = await startEmbeddedDatabase(dir, log);
    globalThis.__TANDEM_EMBEDDED__ = { db, dir };
    adminUrl = db.url('postgres');
  }
  process.env.TANDEM_TEST_ADMIN_URL = adminUrl;
  process.env.TANDEM_TEST_DATA_DIR = globalThis.__TANDEM_EMBEDDED__?.dir ?? '';
}
