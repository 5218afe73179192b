import { money, type Decimal, type DecimalLike } from '../money/decimal';
import type { CreditStatus, CreditSummary } from './credit-position';

export interface CreditCheck {
  approved: boolean;
  reason: 'CREDIT_HOLD' | 'CREDIT_LIMIT_EXCEEDED' | null;
  message: string;
  limit: Decimal | null;
  exposureBefore: Decimal;
  exposureAfter: Decimal;
  /** limit − exposureAfter; null without a limit */
  available: Decimal | null;
}

/**
 * May an order of `amount` go on credit? Refused with CREDIT_HOLD when the
 * customer is ON_HOLD, with CREDIT_LIMIT_EXCEEDED when exposure + amount >
 * limit; always with the figures before and after.
 */
export function checkCredit(c: Pick<CreditSummary, 'limit' | 'exposure' | 'status'> & { amount: DecimalLike }): CreditCheck {
  const exposureAfter = c.exposure.plus(money(c.amount));
  const figures = { limit: c.limit, exposureBefore: c.exposure, exposureAfter, available: c.limit === null ? null : c.limit.minus(exposureAfter) };
  if (c.status === 'ON_HOLD') return { approved: false, reason: 'CREDIT_HOLD', message: 'The customer is on credit hold.', ...figures };
  if (c.limit !== null && exposureAfter.gt(c.limit)) {
    return { approved: false, reason: 'CREDIT_LIMIT_EXCEEDED', message: `This order would take exposure to ${exposureAfter.toFixed(2)}, over the limit of ${c.limit.toFixed(2)}.`, ...figures };
  }
  return { approved: true, reason: null, message: 'Approved.', ...figures };
}

/**
 * Alerts a status change raises: CREDIT_WARNING on moving into WARNING or
 * OVER_LIMIT, CREDIT_HOLD on moving into ON_HOLD; nothing when it stays.
 */
export function creditStatusAlerts(before: CreditStatus, after: CreditStatus): ('CREDIT_WARNING' | 'CREDIT_HOLD')[] {
  if (before === after) return [];
  if (after === 'ON_HOLD') return ['CREDIT_HOLD'];
  if (after === 'WARNING' || after === 'OVER_LIMIT') return ['CREDIT_WARNING'];
  return [];
}
