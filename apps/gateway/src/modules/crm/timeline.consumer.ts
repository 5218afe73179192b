import * as domain from '@tandem/domain';
import { randomUUID } from 'node:crypto';
import type { EventConsumer, Statement } from '../../events/event-consumer';

/**
 * Writes the customer timeline: each event that is part of a customer's
 * history (domain `timelineEntryForEvent`) becomes one row in the change's own
 * transaction, so the history never tells of a change that rolled back and
 * never misses one that committed.
 */
export const timelineConsumer: EventConsumer = {
  name: 'timeline',
  appends(events: readonly domain.BusinessEvent[]): Statement | null {
    const entries = events.map(domain.timelineEntryForEvent).filter((e): e is domain.TimelineEntry => e !== null);
    if (entries.length === 0) return null;
    return {
      sql: `insert into timeline_entries (id, customer_id, kind, readers, summary, actor_id, occurred_at, recorded_at)
       values ${entries.map(() => '(?, ?, ?, ?, ?, ?, ?, now())').join(', ')}`,
      params: entries.flatMap((e) => [randomUUID(), e.customerId, e.kind, e.readers, e.summary, e.actorId, e.occurredAt]),
    };
  },
};
