import { money, type Decimal, type DecimalLike } from '../money/decimal';
import { addDays, daysBetween, type IsoDate } from '../money/dates';
import { checkDocumentDate } from '../money/document-dates';
import { ok, refuse, type Result } from '../money/result';
import { deriveOrderStatus, type OrderStatus } from '../orders/order-lifecycle';
import { documentTotals, priceLine } from '../pricing/line-pricing';

export type InvoiceStatus = 'OPEN' | 'PARTIALLY_PAID' | 'PAID';

/** The statuses of an invoice that may still owe money (receivables, overdue, holds); a PAID one owes nothing. */
export const INVOICE_STATUSES_OWING: readonly InvoiceStatus[] = ['OPEN', 'PARTIALLY_PAID'];

/** dueDate = issueDate + the customer's payment terms in days. */
export function dueDate(issueDate: IsoDate, paymentTermsDays: number): IsoDate {
  return addDays(issueDate, paymentTermsDays);
}

/** What is still owed on an invoice: total − amount paid. */
export function balanceDue(i: { total: DecimalLike; amountPaid: DecimalLike }): Decimal {
  return money(i.total).minus(money(i.amountPaid));
}

/** OPEN with nothing paid, PAID when paid in full, PARTIALLY_PAID between. */
export function invoiceStatus(i: { total: DecimalLike; amountPaid: DecimalLike }): InvoiceStatus {
  const paid = money(i.amountPaid);
  if (paid.lte(0)) return 'OPEN';
  return paid.gte(money(i.total)) ? 'PAID' : 'PARTIALLY_PAID';
}

/** Overdue: something is still owed and the due date is before `asOf`. */
export function isOverdue(i: { dueDate: IsoDate; balanceDue: DecimalLike }, asOf: IsoDate): boolean {
  return money(i.balanceDue).gt(0) && i.dueDate < asOf;
}

/** Days since the due date when overdue, else 0. */
export function daysOverdue(i: { dueDate: IsoDate; balanceDue: DecimalLike }, asOf: IsoDate): number {
  return isOverdue(i, asOf) ? daysBetween(i.dueDate, asOf) : 0;
}

export interface LineToInvoice {
  id: string;
  quantity: number;
  shippedQuantity: number;
  invoicedQuantity: number;
  unitPrice: DecimalLike;
  discountPercent: DecimalLike;
  taxRate: DecimalLike;
}

export interface InvoicePlan {
  issueDate: IsoDate;
  dueDate: IsoDate;
  lines: { lineId: string; quantity: number; net: Decimal; tax: Decimal }[];
  subtotal: Decimal;
  taxTotal: Decimal;
  total: Decimal;
  /** the order's status once these quantities are invoiced */
  orderStatus: OrderStatus;
}

/**
 * An invoice bills the shipped, not yet invoiced quantities of an order,
 * priced like the order; NOTHING_TO_INVOICE when there are none (nothing
 * shipped yet, or all of it billed). Drafts and cancelled orders are never
 * billed, and nothing is issued with a date after today, before the order's
 * date, or further back than the back-dating window.
 */
export function planInvoice(o: {
  status: OrderStatus;
  issueDate: IsoDate;
  today: IsoDate;
  /** the order's date: an invoice is never issued before it */
  orderDate?: IsoDate;
  /** how far back the issue date may go (checkDocumentDate) */
  backdatingDays?: number;
  paymentTermsDays: number;
  lines: readonly LineToInvoice[];
}): Result<InvoicePlan, 'INVALID_TRANSITION' | 'NOTHING_TO_INVOICE' | 'BAD_USER_INPUT'> {
  if (o.status === 'DRAFT' || o.status === 'CANCELLED') return refuse('INVALID_TRANSITION', `An order that is ${o.status} cannot be invoiced.`);
  if (o.issueDate > o.today) return refuse('BAD_USER_INPUT', 'An invoice cannot be issued in the future.', ['issueDate']);
  const dated = checkDocumentDate({ date: o.issueDate, today: o.today, what: 'An invoice', field: ['issueDate'] }, o.backdatingDays);
  if (!dated.ok) return dated;
  if (o.orderDate && o.issueDate < o.orderDate) return refuse('BAD_USER_INPUT', `An invoice cannot be issued before its order (dated ${o.orderDate}).`, ['issueDate']);
  const lines = o.lines
    .filter((l) => l.shippedQuantity > l.invoicedQuantity)
    .map((l) => {
      const quantity = l.shippedQuantity - l.invoicedQuantity;
      return { lineId: l.id, quantity, ...priceLine({ quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, taxRate: l.taxRate }) };
    });
  if (lines.length === 0) return refuse('NOTHING_TO_INVOICE', 'Everything shipped has been invoiced already.');
  const after = o.lines.map((l) => ({ ...l, invoicedQuantity: l.shippedQuantity }));
  return ok({
    issueDate: o.issueDate,
    dueDate: dueDate(o.issueDate, o.paymentTermsDays),
    lines,
    ...documentTotals(lines),
    orderStatus: deriveOrderStatus(after),
  });
}
