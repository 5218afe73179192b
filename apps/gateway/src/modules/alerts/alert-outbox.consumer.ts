import type { EntityManager } from '@mikro-orm/postgresql';
import { alertsForEvents, ORDER_STATUSES_AWAITING_SHIPMENT, productsFallingBelowReorderPoint, type BusinessEvent } from '@tandem/domain';
import { query } from '../../db/sql';
import type { EventConsumer } from '../../events/event-consumer';
import { alertOutboxWrite, writeAlerts } from './alert-writer';

/**
 * The reps who own confirmed orders that still need each product: they hear
 * its LOW_STOCK. Read only for products that fell below their reorder point.
 */
async function repsAwaiting(tx: EntityManager, productIds: readonly string[]): Promise<Map<string, string[]>> {
  const reps = new Map<string, string[]>(productIds.map((id) => [id, []]));
  if (productIds.length === 0) return reps;
  const rows = await query<{ product_id: string; owner_id: string }>(
    tx,
    `select distinct ol.product_id, c.owner_id from order_lines ol
       join orders o on o.id = ol.order_id
       join customers c on c.id = o.customer_id
      where ol.product_id in (?) and o.status in (?) and ol.quantity > ol.shipped_quantity`,
    [productIds, ORDER_STATUSES_AWAITING_SHIPMENT],
  );
  for (const r of rows) reps.get(r.product_id)?.push(r.owner_id);
  return reps;
}

/** Business events → the alerts the domain says they raise → the outbox, in the event's transaction. */
export const alertOutboxConsumer: EventConsumer = {
  name: 'alert-outbox',
  async consume(tx: EntityManager, events: readonly BusinessEvent[]): Promise<void> {
    const reps = await repsAwaiting(tx, productsFallingBelowReorderPoint(events));
    await writeAlerts(tx, alertsForEvents(events, { repsAwaiting: (productId) => reps.get(productId) ?? [] }));
  },
  alone(em: EntityManager, events: readonly BusinessEvent[]) {
    // LOW_STOCK reads who awaits the product first.
    if (productsFallingBelowReorderPoint(events).length) return undefined;
    const alerts = alertsForEvents(events, { repsAwaiting: () => [] });
    return alerts.length ? alertOutboxWrite(em, alerts) : null;
  },
};
