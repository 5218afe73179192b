import { sumMoney, type Decimal, type DecimalLike } from '../money/decimal';
import { priceLine } from '../pricing/line-pricing';
import type { OrderStatus } from './order-lifecycle';

/** The order statuses whose not-yet-invoiced quantities count toward a customer's credit exposure. */
export const ORDER_STATUSES_WITH_EXPOSURE: readonly OrderStatus[] = ['CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED'];

/** Orders still waiting for stock to ship: confirmed, and not yet shipped in full. Their reps hear of the products running low. */
export const ORDER_STATUSES_AWAITING_SHIPMENT: readonly OrderStatus[] = ['CONFIRMED', 'PARTIALLY_SHIPPED'];

export interface LineNotYetInvoiced {
  quantity: number;
  invoicedQuantity: number;
  unitPrice: DecimalLike;
  discountPercent: DecimalLike;
  taxRate: DecimalLike;
}

/**
 * The value (net + tax) of an order's quantities not yet invoiced, each line's
 * remaining quantity priced as the contract prices a line. Only CONFIRMED,
 * PARTIALLY_SHIPPED and SHIPPED orders carry it; drafts, cancelled and
 * invoiced orders are worth 0 to credit.
 */
export function orderUninvoicedValue(order: { status: OrderStatus; lines: readonly LineNotYetInvoiced[] }): Decimal {
  if (!ORDER_STATUSES_WITH_EXPOSURE.includes(order.status)) return sumMoney([]);
  return sumMoney(
    order.lines
      .filter((l) => l.quantity > l.invoicedQuantity)
      .map((l) => {
        const p = priceLine({ quantity: l.quantity - l.invoicedQuantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, taxRate: l.taxRate });
        return p.net.plus(p.tax);
      }),
  );
}
