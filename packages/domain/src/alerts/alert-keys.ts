import type { HoldCause } from '../credit/hold-cause';

/**
 * Every alert's event key, by cause, in one place. The outbox stores one alert
 * per key, so two paths that see the same cause (a write and the time-based
 * scan) raise it once. Keys of causes that can only happen once name their
 * subject alone; keys of repeatable changes add the id of the change.
 */
export const ALERT_KEY_PREFIX = {
  CREDIT_LIMIT_EXCEEDED: 'CREDIT_LIMIT_EXCEEDED:',
  CREDIT_WARNING: 'CREDIT_WARNING:',
  CREDIT_HOLD: 'CREDIT_HOLD:',
  INVOICE_OVERDUE: 'INVOICE_OVERDUE:',
  LOW_STOCK: 'LOW_STOCK:',
  SLA_BREACH: 'SLA_BREACH:',
  DEAL_WON: 'DEAL_WON:',
} as const;

export const alertKeys = {
  /** Each refused confirmation attempt is its own event. */
  creditLimitExceeded: (orderId: string, attemptId: string) => `${ALERT_KEY_PREFIX.CREDIT_LIMIT_EXCEEDED}${orderId}:${attemptId}`,
  /** A move into WARNING or OVER_LIMIT, by the change that made it. */
  creditWarning: (customerId: string, changeId: string) => `${ALERT_KEY_PREFIX.CREDIT_WARNING}${customerId}:${changeId}`,
  /** A hold by its cause: each hand-placed hold (the change that placed it), or the invoice that is more than 60 days late. */
  creditHold: (customerId: string, cause: HoldCause, changeId: string) =>
    cause.kind === 'INVOICE_OVERDUE' ? alertKeys.overdueHold(customerId, cause.invoiceId) : `${ALERT_KEY_PREFIX.CREDIT_HOLD}${customerId}:placed:${changeId}`,
  /** The hold an invoice more than 60 days late causes: one per (customer, invoice), whoever finds it, a write or the scan. */
  overdueHold: (customerId: string, invoiceId: string): string => `${ALERT_KEY_PREFIX.CREDIT_HOLD}${customerId}:overdue:${invoiceId}`,
  /** An invoice falls overdue once. */
  invoiceOverdue: (invoiceId: string) => `${ALERT_KEY_PREFIX.INVOICE_OVERDUE}${invoiceId}`,
  /** Available stock crossing below the reorder point, by the change that made it cross. */
  lowStock: (productId: string, changeId: string) => `${ALERT_KEY_PREFIX.LOW_STOCK}${productId}:${changeId}`,
  /** A ticket breaches its SLA once. */
  slaBreach: (ticketId: string) => `${ALERT_KEY_PREFIX.SLA_BREACH}${ticketId}`,
  /** A deal is won once (WON is final). */
  dealWon: (opportunityId: string) => `${ALERT_KEY_PREFIX.DEAL_WON}${opportunityId}`,
};
