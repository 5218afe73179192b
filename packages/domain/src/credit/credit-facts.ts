import { money, sumMoney, type Decimal, type DecimalLike } from '../money/decimal';
import { daysBetween, type IsoDate } from '../money/dates';
import { orderUninvoicedValue, type LineNotYetInvoiced } from '../orders/order-value';
import type { OrderStatus } from '../orders/order-lifecycle';
import type { CreditInputs } from './credit-position';

/*
 * The gateway sums these figures in grouped SQL and hands them to
 * summarizeCredit; these helpers compute the same sums from lists, for tests
 * and for small callers, so both paths follow one definition.
 */

export interface InvoiceOwed {
  status: 'OPEN' | 'PARTIALLY_PAID' | 'PAID';
  balanceDue: DecimalLike;
  dueDate: IsoDate;
}

/** Invoices that count toward receivables: OPEN and PARTIALLY_PAID, with something still owed. */
function owing(invoices: readonly InvoiceOwed[]): InvoiceOwed[] {
  return invoices.filter((i) => (i.status === 'OPEN' || i.status === 'PARTIALLY_PAID') && money(i.balanceDue).gt(0));
}

/** openReceivables = Σ balanceDue of OPEN and PARTIALLY_PAID invoices. */
export function sumOpenReceivables(invoices: readonly InvoiceOwed[]): Decimal {
  return sumMoney(owing(invoices).map((i) => i.balanceDue));
}

/**
 * What is overdue as of a date: Σ balanceDue of open invoices due before
 * `asOf`, the oldest such due date, and how many days past due it is.
 */
export function overdueFigures(invoices: readonly InvoiceOwed[], asOf: IsoDate): { overdueAmount: Decimal; oldestOverdueDueDate: IsoDate | null; maxDaysOverdue: number } {
  const late = owing(invoices).filter((i) => i.dueDate < asOf);
  const oldestOverdueDueDate = late.reduce<IsoDate | null>((min, i) => (min === null || i.dueDate < min ? i.dueDate : min), null);
  return {
    overdueAmount: sumMoney(late.map((i) => i.balanceDue)),
    oldestOverdueDueDate,
    maxDaysOverdue: oldestOverdueDueDate === null ? 0 : daysBetween(oldestOverdueDueDate, asOf),
  };
}

/** uninvoicedOrders = Σ over CONFIRMED, PARTIALLY_SHIPPED and SHIPPED orders of the value (net + tax) of quantities not yet invoiced. */
export function sumUninvoicedOrders(orders: readonly { status: OrderStatus; lines: readonly LineNotYetInvoiced[] }[]): Decimal {
  return sumMoney(orders.map(orderUninvoicedValue));
}

/**
 * The figures summarizeCredit takes, from one customer's lists: its invoices,
 * orders and payments' unapplied amounts, as of a date.
 */
export function creditInputsFromLists(c: {
  limit: DecimalLike | null;
  onHold: boolean;
  invoices: readonly InvoiceOwed[];
  orders: readonly { status: OrderStatus; lines: readonly LineNotYetInvoiced[] }[];
  /** each payment's amount not allocated to an invoice */
  unappliedPayments: readonly DecimalLike[];
  asOf: IsoDate;
}): CreditInputs {
  const overdue = overdueFigures(c.invoices, c.asOf);
  return {
    limit: c.limit === null ? null : money(c.limit),
    onHold: c.onHold,
    openReceivables: sumOpenReceivables(c.invoices),
    uninvoicedOrders: sumUninvoicedOrders(c.orders),
    unappliedCredit: sumMoney(c.unappliedPayments),
    overdueAmount: overdue.overdueAmount,
    maxDaysOverdue: overdue.maxDaysOverdue,
  };
}
