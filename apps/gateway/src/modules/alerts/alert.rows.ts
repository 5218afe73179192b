import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import type { Viewer } from '../../auth/viewer';
import type { ProductRow } from '../catalog/product.loaders';
import type { CustomerRow } from '../customers/customer.loaders';
import type { OrderRow } from '../orders/order.loaders';
import type { InvoiceRow } from '../receivables/invoice.loaders';

/** An alert as stored, with the audience used to decide who may see it. */
export interface AlertRow {
  customer?: CustomerRow | null;
  order?: OrderRow | null;
  invoice?: InvoiceRow | null;
  product?: ProductRow | null;
  id: string;
  kind: string;
  severity: string;
  message: string;
  created_at: Date;
  acknowledged_at: Date | null;
  customer_id: string | null;
  order_id: string | null;
  invoice_id: string | null;
  product_id: string | null;
  audience_roles: string[];
  audience_user_ids: string[];
}

export const ALERT_COLUMNS = `a.id::text as id, a.kind, a.severity, a.message, a.created_at, a.acknowledged_at, a.customer_id, a.order_id,
  a.invoice_id, a.product_id, a.audience_roles, a.audience_user_ids`;

/**
 * The same, with what the alert names read in the same statement (customer,
 * order, invoice and product rows as JSON), so that delivering one alert to a
 * thousand subscribers costs one query per instance, not one per subscriber.
 */
export const ALERT_WITH_SUBJECTS = `${ALERT_COLUMNS},
  (select json_build_object('id', c.id, 'name', c.name, 'email', c.email, 'phone', c.phone, 'payment_terms_days', c.payment_terms_days, 'owner_id', c.owner_id)
     from customers c where c.id = a.customer_id) as customer,
  (select json_build_object('id', o.id, 'number', o.number, 'status', o.status, 'order_date', o.order_date::text, 'subtotal', o.subtotal::text,
          'tax_total', o.tax_total::text, 'total', o.total::text, 'customer_id', o.customer_id)
     from orders o where o.id = a.order_id) as "order",
  (select json_build_object('id', i.id, 'number', i.number, 'status', i.status, 'issue_date', i.issue_date::text, 'due_date', i.due_date::text,
          'subtotal', i.subtotal::text, 'tax_total', i.tax_total::text, 'total', i.total::text, 'amount_paid', i.amount_paid::text,
          'customer_id', i.customer_id, 'order_id', i.order_id)
     from invoices i where i.id = a.invoice_id) as invoice,
  (select json_build_object('id', p.id, 'sku', p.sku, 'name', p.name, 'unit_price', p.unit_price::text, 'unit_cost', p.unit_cost::text,
          'tax_rate', p.tax_rate::text, 'reorder_point', p.reorder_point, 'on_hand', p.on_hand, 'reserved', p.reserved)
     from products p where p.id = a.product_id) as product`;

/**
 * SQL: the alerts a viewer may see, as the domain's canViewerSeeAlert decides:
 * ADMIN all; else its role in the audience, or it owns the customer the alert
 * names now (not when it was raised), or, for an alert about no customer, its
 * id in the stored audience. Served by GIN indexes and alerts(customer_id).
 */
export function alertVisibilitySql(viewer: Viewer): { sql: string; params: unknown[] } {
  if (viewer.role === 'ADMIN') return { sql: 'true', params: [] };
  // Named users hear as SALES_REPs only, as canViewerSeeAlert says.
  if (viewer.role !== 'SALES_REP') return { sql: 'a.audience_roles @> array[?]::text[]', params: [viewer.role] };
  return {
    sql: `(a.audience_roles @> array[?]::text[]
           or (a.customer_id is null and a.audience_user_ids @> array[?]::uuid[])
           or a.customer_id in (select c.id from customers c where c.owner_id = ?))`,
    params: [viewer.role, viewer.id, viewer.id],
  };
}

/** Alerts with an id above `afterId`, oldest first (the instance-wide feed: no viewer filter). */
export function alertsAfter(em: EntityManager, afterId: string, limit = 1000): Promise<AlertRow[]> {
  return query<AlertRow>(em, `select ${ALERT_WITH_SUBJECTS} from alerts a where a.id > ?::bigint order by a.id limit ?`, [afterId, limit]);
}
