import type { EntityManager } from '@mikro-orm/postgresql';
import type { BusinessEvent } from '@tandem/domain';

/**
 * One consequence of business events (alerts today; the timeline, the audit
 * log and the ledger next). It runs inside the write's transaction, after the
 * write has flushed: what it writes commits or rolls back with the change.
 * It asks @tandem/domain what an event means and only loads and persists.
 */
export interface EventConsumer {
  readonly name: string;
  consume(tx: EntityManager, events: readonly BusinessEvent[]): Promise<void>;
}
