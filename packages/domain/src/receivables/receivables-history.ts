import { money, sumMoney, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { ageReceivables, type AgingBuckets, type InvoiceAtDate } from './receivables-aging';

export interface IssuedInvoice {
  invoiceId: string;
  customerId: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  total: DecimalLike;
}

/** Part of a payment applied to an invoice, dated by the payment's receivedOn. */
export interface DatedAllocation {
  invoiceId: string;
  amount: DecimalLike;
  receivedOn: IsoDate;
}

/**
 * The receivables as they stood at the end of `asOf`: invoices issued on or
 * before it, each with what had been paid on it by payments received on or
 * before it. Later invoices and later payments do not exist yet.
 */
export function invoicesAsOf(h: { asOf: IsoDate; invoices: readonly IssuedInvoice[]; allocations: readonly DatedAllocation[] }): InvoiceAtDate[] {
  const paid = new Map<string, DecimalLike[]>();
  for (const a of h.allocations) {
    if (a.receivedOn > h.asOf) continue;
    paid.set(a.invoiceId, [...(paid.get(a.invoiceId) ?? []), money(a.amount)]);
  }
  return h.invoices
    .filter((i) => i.issueDate <= h.asOf)
    .map((i) => ({ invoiceId: i.invoiceId, customerId: i.customerId, dueDate: i.dueDate, total: i.total, paid: sumMoney(paid.get(i.invoiceId) ?? []) }));
}

/**
 * Receivables aging as of a date from the history of invoices and dated
 * payment allocations, exactly as the contract defines it: invoices issued
 * on or before asOf, less payments received on or before asOf, each open
 * balance bucketed by days past due at asOf.
 */
export function ageReceivablesAsOf(h: { asOf: IsoDate; invoices: readonly IssuedInvoice[]; allocations: readonly DatedAllocation[] }): {
  total: AgingBuckets;
  customers: (AgingBuckets & { customerId: string })[];
} {
  return ageReceivables({ asOf: h.asOf, invoices: invoicesAsOf(h) });
}
