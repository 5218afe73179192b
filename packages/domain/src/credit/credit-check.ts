import { Decimal, formatMoney, money, type DecimalLike } from '../money/decimal';
import { refuse, type Refusal } from '../money/result';
import type { CreditStatus } from './credit-position';

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

export interface CreditCheckInput {
  /** null = no limit */
  limit: DecimalLike | null;
  /** exposure before this order */
  exposure: DecimalLike;
  /** the customer's credit status: ON_HOLD refuses (a summary from summarizeCredit fits) */
  status?: CreditStatus;
  /** a hold placed by hand refuses as well */
  onHold?: boolean;
  /** this order's total (net + tax) */
  amount: DecimalLike;
}

// The figures come back as the very Decimals given (a summary's), or parsed once.
const asDecimal = (x: DecimalLike): Decimal => (x instanceof Decimal ? x : money(x));

/**
 * May an order of `amount` go on credit? Refused with CREDIT_HOLD when the
 * customer is ON_HOLD (or a hold is placed), with CREDIT_LIMIT_EXCEEDED when
 * exposure + amount > limit (reaching the limit exactly is allowed; no limit
 * never refuses); always with the figures before and after.
 */
export function checkCredit(c: CreditCheckInput): CreditCheck {
  const limit = c.limit === null ? null : asDecimal(c.limit);
  const exposureBefore = asDecimal(c.exposure);
  const exposureAfter = exposureBefore.plus(money(c.amount));
  const figures = { limit, exposureBefore, exposureAfter, available: limit === null ? null : limit.minus(exposureAfter) };
  if (c.status === 'ON_HOLD' || c.onHold === true) return { approved: false, reason: 'CREDIT_HOLD', message: 'The customer is on credit hold.', ...figures };
  if (limit !== null && exposureAfter.gt(limit)) {
    return { approved: false, reason: 'CREDIT_LIMIT_EXCEEDED', message: `This order would take exposure to ${formatMoney(exposureAfter)}, over the limit of ${formatMoney(limit)}.`, ...figures };
  }
  return { approved: true, reason: null, message: 'Approved.', ...figures };
}

/**
 * A refused credit check as the API's refusal (code CREDIT_HOLD or
 * CREDIT_LIMIT_EXCEEDED, the figures as money strings in `details`), or null
 * when the check approved.
 */
export function creditRefusal(check: CreditCheck): Refusal<'CREDIT_HOLD' | 'CREDIT_LIMIT_EXCEEDED'> | null {
  if (check.approved || check.reason === null) return null;
  return refuse(check.reason, check.message, undefined, {
    limit: check.limit === null ? null : formatMoney(check.limit),
    exposureBefore: formatMoney(check.exposureBefore),
    exposureAfter: formatMoney(check.exposureAfter),
    available: check.available === null ? null : formatMoney(check.available),
  });
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
