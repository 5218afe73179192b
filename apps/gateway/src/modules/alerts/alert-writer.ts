import type { EntityManager } from '@mikro-orm/postgresql';
import type { RaisedAlert } from '@tandem/domain';
import { lockAlertOutbox } from '../../db/locks';
import { query } from '../../db/sql';

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
  await lockAlertOutbox(tx);
  const ids: string[] = [];
  for (const a of alerts) {
    const rows = await query<{ id: string }>(
      tx,
      `insert into alerts (kind, severity, message, customer_id, order_id, invoice_id, product_id, ticket_id, opportunity_id,
                           audience_roles, audience_user_ids, event_key, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::uuid[], ?, now())
       on conflict (event_key) do nothing
       returning id`,
      [
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
      ],
    );
    if (rows[0]) ids.push(String(rows[0].id));
  }
  if (ids.length) await query(tx, `select pg_notify(?, ?)`, [ALERT_CHANNEL, ids[ids.length - 1]]);
  return ids;
}
