import { money, sumMoney, type Decimal, type DecimalLike } from '../money/decimal';
import { daysBetween, type IsoDate } from '../money/dates';
import { INVOICE_STATUSES_OWING, isOverdue, type InvoiceStatus } from '../invoicing/invoice-plan';
import { orderUninvoicedValue, type LineNotYetInvoiced } from '../orders/order-value';
import type { OrderStatus } from '../orders/order-lifecycle';
import type { CreditInputs } from './credit-position';

/*
 * The gateway sums these figures in grouped SQL and hands them to
 * summarizeCredit; these helpers compute the same sums from lists, for tests
 * and for small callers, so both paths follow one definition.
 */

export interface InvoiceOwed {
  id: string;
  status: InvoiceStatus;
  balanceDue: DecimalLike;
  dueDate: IsoDate;
}

/** Invoices that count toward receivables: OPEN and PARTIALLY_PAID, with something still owed. */
function owing(invoices: readonly InvoiceOwed[]): InvoiceOwed[] {
  return invoices.filter((i) => INVOICE_STATUSES_OWING.includes(i.status) && money(i.balanceDue).gt(0));
}

/** openReceivables = Σ balanceDue of OPEN and PARTIALLY_PAID invoices. */
export function sumOpenReceivables(invoices: readonly InvoiceOwed[]): Decimal {
  return sumMoney(owing(invoices).map((i) => i.balanceDue));
}

/**
 * What is overdue as of a date: Σ balanceDue of open invoices due before
 * `asOf`; the oldest of them (earliest due date, then lowest id, so every path
 * names the same invoice), its due date, and how many days past due it is.
 */
export function overdueFigures(
  invoices: readonly InvoiceOwed[],
  asOf: IsoDate,
): { overdueAmount: Decimal; oldestOverdueInvoiceId: string | null; oldestOverdueDueDate: IsoDate | null; maxDaysOverdue: number } {
  const late = owing(invoices).filter((i) => isOverdue(i, asOf));
  const oldest = late.reduce<InvoiceOwed | null>((min, i) => (min === null || i.dueDate < min.dueDate || (i.dueDate === min.dueDate && i.id < min.id) ? i : min), null);
  return {
    overdueAmount: sumMoney(late.map((i) => i.balanceDue)),
    oldestOverdueInvoiceId: oldest?.id ?? null,
    oldestOverdueDueDate: oldest?.dueDate ?? null,
    maxDaysOverdue: oldest === null ? 0 : daysBetween(oldest.dueDate, asOf),
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
