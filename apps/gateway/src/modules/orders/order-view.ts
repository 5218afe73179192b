import type { Order } from './order.entity';
import type { OrderType } from './order.type';

/** An order entity as the graph shows it. */
export const orderOf = (o: Order): OrderType => ({
  id: o.id,
  number: o.number,
  status: o.status,
  orderDate: o.orderDate,
  subtotal: o.subtotal,
  taxTotal: o.taxTotal,
  total: o.total,
  customerId: o.customer.id,
});
