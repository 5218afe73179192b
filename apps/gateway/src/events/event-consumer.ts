import type { EntityManager } from '@mikro-orm/postgresql';
import type { BusinessEvent } from '@tandem/domain';

/** One SQL statement with knex `?` bindings (db/sql.ts query). */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * One consequence of business events (alerts, the timeline, the audit log,
 * the ledger). It runs inside the write's transaction, after the write has
 * flushed: what it writes commits or rolls back with the change. It asks
 * @tandem/domain what an event means and only loads and persists.
 *
 * A consumer that only appends rows and reads nothing states them as one
 * INSERT (`appends`): the dispatcher sends every such INSERT, and the write's
 * own deferred statements, as one statement, one round trip made while the
 * write's locks are held. A consumer that reads or locks uses `consume`, which
 * runs after the appends, so it sees them and the change.
 */
export interface EventConsumer {
  readonly name: string;
  appends?(events: readonly BusinessEvent[]): Statement | null;
  consume?(tx: EntityManager, events: readonly BusinessEvent[]): Promise<void>;
}
