import { money, ZERO, type Decimal, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { checkDocumentDate } from '../money/document-dates';
import { ok, refuse, type Result } from '../money/result';

export interface OpenInvoice {
  id: string;
  dueDate: IsoDate;
  issueDate: IsoDate;
  balanceDue: DecimalLike;
}

export interface PaymentAllocationPlan {
  allocations: { invoiceId: string; amount: Decimal }[];
  unapplied: Decimal;
}

/**
 * Applies a payment: to the listed invoices with the listed amounts (refusing
 * an unknown invoice, more than an invoice's balance, or more than the
 * payment), or, without a list, to the open invoices oldest due date first.
 * What is left is unapplied credit. allocations + unapplied = amount. A
 * payment dated after today, or further back than the back-dating window, is
 * refused; so is applying it to an invoice issued after it was received
 * (without a list, such invoices are left alone).
 */
export function allocatePayment(p: {
  amount: DecimalLike;
  /** when given, a payment dated after `today` is refused */
  receivedOn?: IsoDate;
  today?: IsoDate;
  /** how far back receivedOn may go (checkDocumentDate), when both dates are given */
  backdatingDays?: number;
  invoices: readonly OpenInvoice[];
  requested?: readonly { invoiceId: string; amount: DecimalLike }[];
}): Result<PaymentAllocationPlan, 'BAD_USER_INPUT'> {
  const amount = money(p.amount);
  if (amount.lte(0)) return refuse('BAD_USER_INPUT', 'amount must be positive', ['amount']);
  if (p.receivedOn && p.today && p.receivedOn > p.today) return refuse('BAD_USER_INPUT', 'A payment cannot be received in the future.', ['receivedOn']);
  if (p.receivedOn && p.today) {
    const dated = checkDocumentDate({ date: p.receivedOn, today: p.today, what: 'A payment', field: ['receivedOn'] }, p.backdatingDays);
    if (!dated.ok) return dated;
  }
  const issuedBy = new Map(p.invoices.map((i) => [i.id, i.issueDate]));
  const balances = new Map(p.invoices.map((i) => [i.id, money(i.balanceDue)]));
  const allocations: PaymentAllocationPlan['allocations'] = [];
  let left = amount;
  if (p.requested) {
    for (let k = 0; k < p.requested.length; k++) {
      const r = p.requested[k];
      const want = money(r.amount);
      const balance = balances.get(r.invoiceId);
      if (balance === undefined) return refuse('BAD_USER_INPUT', 'This invoice is not an open invoice of the customer.', ['allocations', String(k), 'invoiceId']);
      const issued = issuedBy.get(r.invoiceId)!;
      if (p.receivedOn && p.receivedOn < issued) return refuse('BAD_USER_INPUT', `This invoice was issued on ${issued}, after the payment was received.`, ['allocations', String(k), 'invoiceId']);
      if (want.lte(0)) return refuse('BAD_USER_INPUT', 'amount must be positive', ['allocations', String(k), 'amount']);
      if (want.gt(balance)) return refuse('BAD_USER_INPUT', `Only ${balance.toFixed(2)} is due on this invoice.`, ['allocations', String(k), 'amount']);
      if (want.gt(left)) return refuse('BAD_USER_INPUT', 'The allocations add up to more than the payment.', ['allocations', String(k), 'amount']);
      balances.set(r.invoiceId, balance.minus(want));
      allocations.push({ invoiceId: r.invoiceId, amount: want });
      left = left.minus(want);
    }
  } else {
    const oldestFirst = [...p.invoices].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.id.localeCompare(b.id));
    for (const inv of oldestFirst) {
      if (left.lte(0)) break;
      if (p.receivedOn && p.receivedOn < inv.issueDate) continue; // a payment never pays an invoice that did not exist yet
      const balance = balances.get(inv.id)!;
      if (balance.lte(0)) continue;
      const take = balance.lt(left) ? balance : left;
      allocations.push({ invoiceId: inv.id, amount: take });
      left = left.minus(take);
    }
  }
  return ok({ allocations, unapplied: left.gt(0) ? left : ZERO });
}
