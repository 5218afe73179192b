import type { AlertRow } from './alert.rows';
import type { AlertKind, AlertSeverity } from './alert.entity';
import type { AlertType } from './alert.type';

export const alertOf = (r: AlertRow): AlertType => ({
  id: String(r.id),
  kind: r.kind as AlertKind,
  severity: r.severity as AlertSeverity,
  message: r.message,
  createdAt: new Date(r.created_at),
  acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
  customerId: r.customer_id,
  orderId: r.order_id,
  invoiceId: r.invoice_id,
  productId: r.product_id,
  subjects: r.customer !== undefined ? { customer: r.customer, order: r.order, invoice: r.invoice, product: r.product } : undefined,
});
