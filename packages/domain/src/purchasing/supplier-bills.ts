import { addDays, parseIsoDate, type IsoDate } from '../money/dates';
import { money, roundMoney, sumMoney, type Decimal, type DecimalLike } from '../money/decimal';
import { ok, refuse, type Result } from '../money/result';

export type SupplierBillStatus = 'OPEN' | 'PARTIALLY_PAID' | 'PAID';

/**
 * A bill against a purchase order bills quantities of its lines at their unit
 * cost (round(quantity × unit cost, 2) each); it may not bill more of a line
 * than has been received and not yet billed (BAD_USER_INPUT at the line).
 */
export function planPurchaseBill(
  lines: readonly { receivedQuantity: number; billedQuantity: number; unitCost: DecimalLike }[],
  bill: readonly { line: number; quantity: number }[],
): Result<{ billed: number[]; amount: Decimal }, 'BAD_USER_INPUT'> {
  if (bill.length === 0) return refuse('BAD_USER_INPUT', 'A bill needs at least one line.', ['lines']);
  const billed = lines.map(() => 0);
  for (const [i, b] of bill.entries()) {
    if (b.line < 0 || b.line >= lines.length) return refuse('BAD_USER_INPUT', 'No such line on this purchase order.', ['lines', i, 'productId']);
    if (!Number.isInteger(b.quantity) || b.quantity < 1) return refuse('BAD_USER_INPUT', 'quantity must be a whole number of at least 1', ['lines', i, 'quantity']);
    billed[b.line] += b.quantity;
    const open = lines[b.line].receivedQuantity - lines[b.line].billedQuantity;
    if (billed[b.line] > open) return refuse('BAD_USER_INPUT', `Only ${open} received and not yet billed on this line; bill what was received.`, ['lines', i, 'quantity']);
  }
  const amount = sumMoney(lines.map((l, i) => roundMoney(money(l.unitCost).times(billed[i]))));
  return ok({ billed, amount });
}

/**
 * A bill's dates: dated on or before today (BAD_USER_INPUT on `billDate`
 * otherwise), due after the supplier's payment terms.
 */
export function supplierBillDates(billDate: IsoDate, today: IsoDate, paymentTermsDays: number): Result<{ billDate: IsoDate; dueDate: IsoDate }, 'BAD_USER_INPUT'> {
  const d = parseIsoDate(billDate);
  if (!d.ok) return refuse('BAD_USER_INPUT', `billDate ${d.message}`, ['billDate']);
  if (billDate > today) return refuse('BAD_USER_INPUT', 'A bill cannot be dated in the future.', ['billDate']);
  return ok({ billDate, dueDate: addDays(billDate, paymentTermsDays) });
}

/**
 * Paying a bill: an amount of at least a cent, no more than its balance
 * (an over-payment is BAD_USER_INPUT on `amount`). Returns what is paid after
 * and the status.
 */
export function payBill(
  bill: { total: DecimalLike; amountPaid: DecimalLike },
  amount: DecimalLike,
): Result<{ amountPaid: Decimal; balanceDue: Decimal; status: SupplierBillStatus }, 'BAD_USER_INPUT'> {
  const a = money(amount);
  const balance = money(bill.total).minus(money(bill.amountPaid));
  if (a.lte(0) || a.decimalPlaces() > 2) return refuse('BAD_USER_INPUT', 'amount must be at least 0.01 with at most 2 decimals', ['amount']);
  if (a.gt(balance)) return refuse('BAD_USER_INPUT', `The bill has ${balance.toFixed(2)} left to pay; ${a.toFixed(2)} would over-pay it.`, ['amount']);
  const amountPaid = money(bill.amountPaid).plus(a);
  const balanceDue = money(bill.total).minus(amountPaid);
  return ok({ amountPaid, balanceDue, status: balanceDue.isZero() ? 'PAID' : 'PARTIALLY_PAID' });
}
