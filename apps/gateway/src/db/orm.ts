import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
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
}

export function ormOptions(clientUrl: string, opts: { poolMax?: number; log?: Logger; timeouts?: DatabaseTimeouts } = {}): Options {
  const t = opts.timeouts;
  return {
    clientUrl,
    // Sent by node-postgres when each connection opens, so every session of the pool has them.
    ...(t
      ? {
          driverOptions: {
            connection: { lock_timeout: t.lockMs, statement_timeout: t.statementMs, idle_in_transaction_session_timeout: t.idleInTransactionMs, application_name: 'tandem-gateway' },
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
    // graphile-worker owns its schema; rate-limiter-flexible's table has its own layout (created by a migration).
    schemaGenerator: { ignoreSchema: ['graphile_worker'], skipTables: ['login_rate_limits'] },
  };
}

export async function openOrm(clientUrl: string, opts: { poolMax?: number; log?: Logger; timeouts?: DatabaseTimeouts } = {}): Promise<Orm> {
  return MikroORM.init(ormOptions(clientUrl, opts));
}

/** Applies every committed migration not yet applied (never a schema sync). */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/** True when every committed migration has been applied. */
export async function migrationsApplied(orm: Orm): Promise<boolean> {
  const pending = await orm.getMigrator().getPendingMigrations();
  return pending.length === 0;
}
