import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Client } from 'pg';
import { entities } from './entities';
import { migrationsList } from './migrations';
import type { Logger } from '../logger';

export type Orm = MikroORM;

/** How long anything may wait on the database (README "Operations"); each hit is a retryable DATABASE_BUSY for the client. */
export interface DatabaseTimeouts {
  lockMs: number;
  statementMs: number;
  idleInTransactionMs: number;
  poolAcquireMs: number;
  /** How long opening a connection may take (a server that does not answer). */
  connectMs?: number;
}

export function ormOptions(clientUrl: string, opts: { poolMax?: number; log?: Logger; timeouts?: DatabaseTimeouts } = {}): Options {
  const t = opts.timeouts;
  return {
    clientUrl,
    // Never create a missing database: a mistyped DATABASE_URL must fail, naming it (the embedded default creates its own).
    ensureDatabase: false,
    // Sent by node-postgres when each connection opens, so every session of the pool has them.
    ...(t
      ? {
          driverOptions: {
            connection: {
              lock_timeout: t.lockMs,
              statement_timeout: t.statementMs,
              idle_in_transaction_session_timeout: t.idleInTransactionMs,
              connectionTimeoutMillis: t.connectMs ?? 10_000,
              application_name: 'tandem-gateway',
            },
            acquireConnectionTimeout: t.poolAcquireMs,
          },
        }
      : {}),
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false },
    pool: { min: 0, max: opts.poolMax ?? 10 },
    // Per-request forks only; the global context is never used for queries.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: opts.log?.isLevelEnabled('trace') ? ['query'] : false,
    logger: (m: string) => opts.log?.trace({ orm: m }, 'sql'),
    discovery: { warnWhenNoEntities: false },
    // graphile-worker owns its schema; rate-limiter-flexible's table has its own layout, and the ledger's tables are
    // written in SQL only, guarded by their triggers (both created by migrations).
    schemaGenerator: { ignoreSchema: ['graphile_worker'], skipTables: ['login_rate_limits', 'ledger_state', 'journal_entries', 'journal_lines', 'audit_log'] },
  };
}

export async function openOrm(clientUrl: string, opts: { poolMax?: number; log?: Logger; timeouts?: DatabaseTimeouts } = {}): Promise<Orm> {
  return MikroORM.init(ormOptions(clientUrl, opts));
}

/** The longest an instance waits for another instance's migrations to finish. */
const MIGRATION_LOCK_WAIT_MS = 300_000;

/**
 * Applies every committed migration not yet applied (never a schema sync),
 * under a session advisory lock held on a connection of its own: instances
 * that start together take turns, and the ones that come second find nothing
 * left to apply. (MikroORM's migrator takes no lock of its own.)
 */
export async function migrate(orm: Orm, databaseUrl: string, connectTimeoutMs = 10_000): Promise<string[]> {
  const lock = new Client({ connectionString: databaseUrl, application_name: 'tandem-migrate', lock_timeout: MIGRATION_LOCK_WAIT_MS, connectionTimeoutMillis: connectTimeoutMs });
  lock.on('error', () => undefined); // a lost connection fails the query below
  await lock.connect();
  try {
    await lock.query(`select pg_advisory_lock(hashtext('tandem:migrate'))`);
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await lock.query(`select pg_advisory_unlock(hashtext('tandem:migrate'))`).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
