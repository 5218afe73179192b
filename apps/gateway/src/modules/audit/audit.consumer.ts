import * as domain from '@tandem/domain';
import type { EventConsumer, Statement } from '../../events/event-consumer';

/** Writes one audit line per business event (the domain's auditEntryForEvent), in the change's own transaction. */
export const auditConsumer: EventConsumer = {
  name: 'audit',
  appends(events: readonly domain.BusinessEvent[]): Statement | null {
    if (events.length === 0) return null;
    const rows = events.map((e) => ({ e, a: domain.auditEntryForEvent(e) }));
    return {
      sql: `insert into audit_log (at, actor_id, action, entity_type, entity_id, before, after) values ${rows.map(() => '(?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)').join(', ')}`,
      params: rows.flatMap(({ e, a }) => [
        e.occurredAt,
        e.actorId,
        a.action,
        a.entityType,
        a.entityId,
        a.before === null ? null : JSON.stringify(a.before),
        a.after === null ? null : JSON.stringify(a.after),
      ]),
    };
  },
};
