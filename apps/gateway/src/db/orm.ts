import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities';
import { migrationsList } from './migrations';
import type { Logger } from '../logger';

export type Orm = MikroORM;

export function ormOptions(clientUrl: string, opts: { poolMax?: number; log?: Logger } = {}): Options {
  return {
    clientUrl,
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

export async function openOrm(clientUrl: string, opts: { poolMax?: number; log?: Logger } = {}): Promise<Orm> {
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
