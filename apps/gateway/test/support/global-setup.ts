import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded-postgres';
import { createLogger } from '../../src/logger';

declare global {
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
    // If Jest exits or is terminated before its teardown, do not leave a postgres behind.
    const stopPostgres = () => {
      try {
        const pid = Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
        if (pid > 0) process.kill(pid, 'SIGQUIT');
      } catch {
        // already stopped by the teardown
      }
    };
    process.once('exit', stopPostgres);
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        stopPostgres();
        process.exit(128 + (signal === 'SIGTERM' ? 15 : 1));
      });
    }
    adminUrl = db.url('postgres');
  }
  process.env.TANDEM_TEST_ADMIN_URL = adminUrl;
  process.env.TANDEM_TEST_DATA_DIR = globalThis.__TANDEM_EMBEDDED__?.dir ?? '';
}
