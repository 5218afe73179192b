import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { query } from '../../db/sql';
import type { EventConsumer } from '../../events/event-consumer';

/** Writes one audit line per business event (the domain's auditEntryForEvent), in the change's own transaction. */
export const auditConsumer: EventConsumer = {
  name: 'audit',
  async consume(tx: EntityManager, events: readonly domain.BusinessEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = events.map((e) => ({ e, a: domain.auditEntryForEvent(e) }));
    await query(
      tx,
      `insert into audit_log (at, actor_id, action, entity_type, entity_id, before, after) values ${rows.map(() => '(?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)').join(', ')}`,
      rows.flatMap(({ e, a }) => [e.occurredAt, e.actorId, a.action, a.entityType, a.entityId, a.before === null ? null : JSON.stringify(a.before), a.after === null ? null : JSON.stringify(a.after)]),
    );
  },
};
