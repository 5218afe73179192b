import { money, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { ok, refuse, type Result } from '../money/result';
import { moveQuote, type QuoteStatus } from './quote-lifecycle';

/** A rep may give up to this discount, in percent, without a manager's approval. */
export const DEFAULT_REP_DISCOUNT_LIMIT = '15';

/** The roles that may approve a quote's discounts. */
export const QUOTE_APPROVER_ROLES: readonly string[] = ['SALES_MANAGER', 'ADMIN'];

/** A line's price as given, and the catalog's list price when the line names one. */
export interface LineConcession {
  discountPercent: DecimalLike;
  unitPrice?: DecimalLike;
  listPrice?: DecimalLike;
}

/**
 * The lines that give a concession only a SALES_MANAGER may approve: a
 * discount over the rep's limit (15 % unless configured; equal to it is
 * fine), or a unit price below the list price. Each with the field at fault.
 */
export function concessionsNeedingApproval(lines: readonly LineConcession[], repDiscountLimit: DecimalLike = DEFAULT_REP_DISCOUNT_LIMIT): { index: number; field: 'discountPercent' | 'unitPrice' }[] {
  const limit = money(repDiscountLimit);
  if (limit.isNeg() || limit.gt(100)) throw new RangeError(`a discount limit is a percentage between 0 and 100, not ${limit.toString()}`);
  return lines.flatMap((l, index): { index: number; field: 'discountPercent' | 'unitPrice' }[] => {
    if (money(l.discountPercent).gt(limit)) return [{ index, field: 'discountPercent' }];
    if (l.unitPrice !== undefined && l.listPrice !== undefined && money(l.unitPrice).lt(money(l.listPrice))) return [{ index, field: 'unitPrice' }];
    return [];
  });
}

/** A quote needs SALES_MANAGER approval when any line gives such a concession. */
export function needsApproval(lines: readonly LineConcession[], repDiscountLimit: DecimalLike = DEFAULT_REP_DISCOUNT_LIMIT): boolean {
  return concessionsNeedingApproval(lines, repDiscountLimit).length > 0;
}

/**
 * An order is priced like a quote, but has no approval step: a concession a
 * quote would need approval for may be given on an order only by an approver
 * (SALES_MANAGER, ADMIN); anyone else is refused with FORBIDDEN at the line's
 * field, and should send a quote for approval instead.
 */
export function checkOrderConcessions(lines: readonly LineConcession[], role: string, repDiscountLimit: DecimalLike = DEFAULT_REP_DISCOUNT_LIMIT): Result<true, 'FORBIDDEN'> {
  if (QUOTE_APPROVER_ROLES.includes(role)) return ok(true);
  const [first] = concessionsNeedingApproval(lines, repDiscountLimit);
  if (!first) return ok(true);
  const message =
    first.field === 'discountPercent'
      ? `A discount over ${money(repDiscountLimit).toString()} % needs a sales manager's approval: send a quote instead.`
      : "A price below the list price needs a sales manager's approval: send a quote instead.";
  return refuse('FORBIDDEN', message, ['lines', first.index, first.field]);
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
