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
  /**
   * For events dispatched on their own, outside any write (a refused attempt,
   * db/transaction.ts): what `consume` would do, as parts of one statement
   * that reads nothing first; null when it would do nothing; undefined when
   * it must read or run alone (the dispatch is then an ordinary transaction).
   * A consumer with `consume` and without this always makes it a transaction.
   */
  alone?(em: EntityManager, events: readonly BusinessEvent[]): StatementParts | null | undefined;
}

/** A statement's data-modifying CTEs (`name as (...)`) and its final SELECT, to be joined with other writes as one statement. */
export interface StatementParts {
  ctes: string[];
  select: string;
  params: unknown[];
}
