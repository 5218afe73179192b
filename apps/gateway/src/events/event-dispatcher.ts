import type { EntityManager } from '@mikro-orm/postgresql';
import type { BusinessEvent } from '@tandem/domain';
import { alertOutboxConsumer } from '../modules/alerts/alert-outbox.consumer';
import { timelineConsumer } from '../modules/crm/timeline.consumer';
import { auditConsumer } from '../modules/audit/audit.consumer';
import { ledgerConsumer } from '../modules/ledger/ledger.consumer';
import { userNoticeConsumer } from '../modules/users/user-notice.consumer';
import type { EventConsumer } from './event-consumer';

/**
 * Every consequence of a business event, in the order they run. Adding one
 * (timeline, audit, ledger) means writing a consumer and listing it here; no
 * service changes. The alerts outbox stays last: it takes the lock that
 * serialises alert ids until commit, which must come after every row lock.
 */
const consumers: EventConsumer[] = [userNoticeConsumer, timelineConsumer, auditConsumer, ledgerConsumer, alertOutboxConsumer];

/**
 * Adds a consumer ahead of the alert outbox; returns its removal. For a
 * consequence that is switched on at start, and for tests that watch the
 * events a write states.
 */
export function addEventConsumer(consumer: EventConsumer): () => void {
  consumers.splice(consumers.length - 1, 0, consumer);
  return () => {
    const i = consumers.indexOf(consumer);
    if (i >= 0) consumers.splice(i, 1);
  };
}

/** Hands the events to every consumer inside the caller's transaction (flushed first, so consumers read the change). */
export async function dispatchEvents(tx: EntityManager, events: readonly BusinessEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.flush();
  for (const consumer of [...consumers]) await consumer.consume(tx, events);
}
