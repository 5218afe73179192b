import { DEFAULT_CREDIT_POLICY, type CreditPolicy } from './credit-position';

/**
 * Why a customer is ON_HOLD: a hold placed by hand, or its oldest invoice
 * still owing more than the policy's days past due. A hold has one cause, and
 * the alert it raises is keyed by that cause, so the write that first puts a
 * customer on hold and the time-based scan that finds it later raise it once.
 */
export type HoldCause = { kind: 'HOLD_PLACED' } | { kind: 'INVOICE_OVERDUE'; invoiceId: string };

/**
 * The cause of a hold from the facts that decide credit status: a hand-placed
 * hold first, then the oldest overdue invoice when it is more than
 * `holdAfterDaysOverdue` days late; null when the customer is not on hold.
 */
export function holdCause(f: { onHold: boolean; maxDaysOverdue: number; oldestOverdueInvoiceId: string | null }, policy: CreditPolicy = DEFAULT_CREDIT_POLICY): HoldCause | null {
  if (f.onHold) return { kind: 'HOLD_PLACED' };
  if (f.maxDaysOverdue > policy.holdAfterDaysOverdue) {
    if (f.oldestOverdueInvoiceId === null) throw new Error('holdCause: days overdue without the invoice that is overdue');
    return { kind: 'INVOICE_OVERDUE', invoiceId: f.oldestOverdueInvoiceId };
  }
  return null;
}
