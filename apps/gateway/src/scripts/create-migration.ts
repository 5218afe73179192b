import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedDatabase } from '../db/embedded-postgres';
import { ormOptions } from '../db/orm';
import { createLogger } from '../logger';

/**
 * Writes the next migration: applies the committed ones to a throw-away
 * embedded database, diffs the entities against it, and writes the difference
 * to src/db/migrations. Register the new class in src/db/migrations/index.ts.
 *   node apps/gateway/dist/scripts/create-migration.js <Name>
 */
async function main() {
  const name = process.argv[2];
  const log = createLogger('warn');
  const dir = await mkdtemp(join(tmpdir(), 'tandem-migration-'));
  const db = await startEmbeddedDatabase(dir, log);
  try {
    const base = ormOptions(db.url(), {});
    const orm = await MikroORM.init({
      ...base,
      migrations: { ...base.migrations, path: resolve(__dirname, '../../src/db/migrations'), emit: 'ts', snapshot: false },
    });
    await orm.getMigrator().up();
    const result = await orm.getMigrator().createMigration(undefined, false, false, name);
    process.stdout.write(result.fileName ? `wrote ${result.fileName}\n${result.diff.up.join('\n')}\n` : 'no changes: entities match the migrations\n');
    await orm.close(true);
  } finally {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
