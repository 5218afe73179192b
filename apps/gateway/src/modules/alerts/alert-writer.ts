import type { EntityManager } from '@mikro-orm/postgresql';
import type { RaisedAlert } from '@tandem/domain';
import { alertOutboxLockSql } from '../../db/locks';
import { query } from '../../db/sql';
import type { StatementParts } from '../../events/event-consumer';

export const ALERT_CHANNEL = 'tandem_alerts';

/**
 * Writes alerts into the outbox inside the caller's transaction, and queues a
 * NOTIFY that PostgreSQL delivers only if that transaction commits (so no
 * alert describes a rolled-back change, and none is lost).
 *
 * Call it last in the transaction (the alert outbox consumer runs last): it
 * takes the outbox lock (db/locks.ts), which serialises alert writers until
 * they commit so alert ids become visible in increasing order; taken after
 * every row lock, it cannot take part in a deadlock.
 *
 * An alert whose eventKey was raised before is skipped: one alert per event.
 */
export async function writeAlerts(tx: EntityManager, alerts: readonly RaisedAlert[]): Promise<string[]> {
  if (alerts.length === 0) return [];
  const w = alertOutboxWrite(tx, alerts);
  const [row] = await query<{ ids: string[] }>(tx, `with ${w.ctes.join(', ')} ${w.select}`, w.params);
  return row?.ids ?? [];
}

/**
 * writeAlerts as statement parts: the outbox lock first (a materialized CTE
 * every inserted row joins, so it is granted before any id is drawn), every
 * alert with ids from the sequence in list order, and the NOTIFY of the last
 * id when any was new; the final SELECT returns the new ids.
 */
export function alertOutboxWrite(em: EntityManager, alerts: readonly RaisedAlert[]): StatementParts {
  return {
    ctes: [
      `outbox as materialized (select ${alertOutboxLockSql(em)})`,
      `ins as (
       insert into alerts (kind, severity, message, customer_id, order_id, invoice_id, product_id, ticket_id, opportunity_id,
                           audience_roles, audience_user_ids, event_key, created_at)
       select v.kind::alert_kind, v.severity::alert_severity, v.message, v.customer_id::uuid, v.order_id::uuid, v.invoice_id::uuid,
              v.product_id::uuid, v.ticket_id::uuid, v.opportunity_id::uuid, v.audience_roles::text[], v.audience_user_ids::uuid[], v.event_key, now()
         from outbox, (values ${alerts.map(() => '(?::integer, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')})
                as v(n, kind, severity, message, customer_id, order_id, invoice_id, product_id, ticket_id, opportunity_id, audience_roles, audience_user_ids, event_key)
        order by v.n
       on conflict (event_key) do nothing
       returning id)`,
    ],
    select: `select array_agg(id::text order by id) as ids, pg_notify(?, max(id)::text) from ins having count(*) > 0`,
    params: [
      ...alerts.flatMap((a, n) => [
        n,
        a.kind,
        a.severity,
        a.message,
        a.subject.customerId ?? null,
        a.subject.orderId ?? null,
        a.subject.invoiceId ?? null,
        a.subject.productId ?? null,
        a.subject.ticketId ?? null,
        a.subject.opportunityId ?? null,
        `{${a.audience.roles.join(',')}}`,
        `{${a.audience.userIds.join(',')}}`,
        a.eventKey,
      ]),
      ALERT_CHANNEL,
    ],
  };
}
