import { money, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { refuse, type Result } from '../money/result';
import { moveQuote, type QuoteStatus } from './quote-lifecycle';

/** A rep may give up to this discount, in percent, without a manager's approval. */
export const DEFAULT_REP_DISCOUNT_LIMIT = '15';

/** The roles that may approve a quote's discounts. */
export const QUOTE_APPROVER_ROLES: readonly string[] = ['SALES_MANAGER', 'ADMIN'];

/**
 * A quote needs SALES_MANAGER approval when any line's discount exceeds the
 * rep's limit (15 % unless configured); a discount equal to the limit does not.
 */
export function needsApproval(lines: readonly { discountPercent: DecimalLike }[], repDiscountLimit: DecimalLike = DEFAULT_REP_DISCOUNT_LIMIT): boolean {
  const limit = money(repDiscountLimit);
  if (limit.isNeg() || limit.gt(100)) throw new RangeError(`a discount limit is a percentage between 0 and 100, not ${limit.toString()}`);
  return lines.some((l) => money(l.discountPercent).gt(limit));
}

/**
 * Approving a pending quote: only a SALES_MANAGER (or an ADMIN) may
 * (FORBIDDEN otherwise), only while it is PENDING_APPROVAL and still valid
 * (INVALID_TRANSITION otherwise).
 */
export function approveQuote(q: { status: QuoteStatus; validUntil: IsoDate }, approverRole: string, today: IsoDate): Result<QuoteStatus, 'FORBIDDEN' | 'INVALID_TRANSITION'> {
  if (!QUOTE_APPROVER_ROLES.includes(approverRole)) return refuse('FORBIDDEN', 'Only a sales manager may approve a quote.', undefined, { role: approverRole });
  return moveQuote(q, 'APPROVE', today);
}
