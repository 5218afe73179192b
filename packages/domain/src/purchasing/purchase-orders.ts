import { money, roundMoney, sumMoney, type Decimal, type DecimalLike } from '../money/decimal';
import { ok, refuse, type Result } from '../money/result';

export type PurchaseOrderStatus = 'OPEN' | 'PARTIALLY_RECEIVED' | 'RECEIVED';

export interface PurchaseLineToPrice {
  quantity: number;
  unitCost: DecimalLike;
}

/** At most this many lines on one purchase order. */
export const MAX_PURCHASE_LINES = 500;

/**
 * A purchase order is priced at unit cost: line total = round(quantity × unit
 * cost, 2), total = Σ line totals. Each line needs a whole quantity of at
 * least 1 and a cost of 0 or more in cents; BAD_USER_INPUT at the line's field.
 */
export function pricePurchaseOrder(lines: readonly PurchaseLineToPrice[]): Result<{ lineTotals: Decimal[]; total: Decimal }, 'BAD_USER_INPUT'> {
  if (lines.length === 0) return refuse('BAD_USER_INPUT', 'A purchase order needs at least one line.', ['lines']);
  if (lines.length > MAX_PURCHASE_LINES) return refuse('BAD_USER_INPUT', `A purchase order has at most ${MAX_PURCHASE_LINES} lines.`, ['lines']);
  for (const [i, l] of lines.entries()) {
    if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > 1_000_000) return refuse('BAD_USER_INPUT', 'quantity must be a whole number from 1 to 1,000,000', ['lines', i, 'quantity']);
    const cost = money(l.unitCost);
    if (cost.isNeg() || cost.decimalPlaces() > 2) return refuse('BAD_USER_INPUT', 'unitCost must be 0 or more with at most 2 decimals', ['lines', i, 'unitCost']);
  }
  const lineTotals = lines.map((l) => roundMoney(money(l.unitCost).times(l.quantity)));
  return ok({ lineTotals, total: sumMoney(lineTotals) });
}

export interface PurchaseLineState {
  quantity: number;
  receivedQuantity: number;
}

/**
 * Receiving a purchase order: by default everything still outstanding; or
 * given quantities per line (index into the order's lines), each at most what
 * is outstanding. Receiving nothing, or more than is outstanding, is
 * BAD_USER_INPUT; a fully received order cannot receive again
 * (INVALID_TRANSITION). Returns each line's quantity received now and the
 * order's status after.
 */
export function planPurchaseReceipt(
  order: { status: PurchaseOrderStatus; lines: readonly PurchaseLineState[] },
  receive?: readonly { line: number; quantity: number }[] | null,
): Result<{ received: number[]; status: PurchaseOrderStatus }, 'BAD_USER_INPUT' | 'INVALID_TRANSITION'> {
  if (order.status === 'RECEIVED') return refuse('INVALID_TRANSITION', 'The purchase order has been received in full.');
  const outstanding = order.lines.map((l) => l.quantity - l.receivedQuantity);
  const received = receive ? order.lines.map(() => 0) : outstanding;
  if (receive) {
    for (const [i, r] of receive.entries()) {
      if (r.line < 0 || r.line >= order.lines.length) return refuse('BAD_USER_INPUT', 'No such line on this purchase order.', ['lines', i, 'productId']);
      if (!Number.isInteger(r.quantity) || r.quantity < 1) return refuse('BAD_USER_INPUT', 'quantity must be a whole number of at least 1', ['lines', i, 'quantity']);
      received[r.line] += r.quantity;
      if (received[r.line] > outstanding[r.line]) return refuse('BAD_USER_INPUT', `Only ${outstanding[r.line]} are still to receive on this line.`, ['lines', i, 'quantity']);
    }
  }
  if (received.every((q) => q === 0)) return refuse('BAD_USER_INPUT', 'Nothing to receive.', ['lines']);
  const done = order.lines.every((l, i) => l.receivedQuantity + received[i] === l.quantity);
  return ok({ received, status: done ? 'RECEIVED' : 'PARTIALLY_RECEIVED' });
}
