import { Pool } from 'pg';
import { migrationsList } from '../db/migrations';
import type { Logger } from '../logger';

/** What /readyz answers: ready, or why not. */
export type Readiness = 'ready' | 'database unreachable' | 'migrations pending';

const ANSWER_WITHIN_MS = 800;

/**
 * /readyz on a connection of its own (never the request pool, which may be
 * exhausted or waiting on locks), with short connect and statement timeouts
 * and an overall deadline: it answers within a second whatever the pool and
 * the database are doing. "Migrations applied" is checked until it first
 * holds; after that only the connection is.
 */
export function readinessProbe(databaseUrl: string, log: Logger) {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 1,
    connectionTimeoutMillis: ANSWER_WITHIN_MS,
    statement_timeout: ANSWER_WITHIN_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'tandem-readyz',
  });
  // A probe connection dropped by a restart: the next check reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  let migrated = false;
  const expected = migrationsList.map((m) => m.name);

  async function probe(): Promise<Readiness> {
    if (migrated) {
      await pool.query('select 1');
      return 'ready';
    }
    const { rows } = await pool.query<{ name: string }>(`select name from mikro_orm_migrations`).catch((err: { code?: string }) => {
      if (err.code === '42P01') return { rows: [] }; // no migration has run yet
      throw err;
    });
    const applied = new Set(rows.map((r) => r.name));
    migrated = expected.every((name) => applied.has(name));
    return migrated ? 'ready' : 'migrations pending';
  }

  return {
    async check(): Promise<Readiness> {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
      });
      try {
        return await Promise.race([probe(), deadline]);
      } catch (err) {
        log.warn({ err }, 'readiness check failed: database unreachable');
        return 'database unreachable';
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => pool.end().catch(() => undefined),
  };
}
