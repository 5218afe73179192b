import { addDays, parseIsoDate, type IsoDate } from '../money/dates';
import type { DecimalLike } from '../money/decimal';
import { ok, refuse, type Result } from '../money/result';
import { priceOrderLines, type LineToPrice, type PricedDocument } from '../pricing/line-pricing';
import { needsApproval } from './quote-approval';
import { transitionQuote, type QuoteStatus } from './quote-lifecycle';

export interface QuoteLine extends LineToPrice {
  productId: string;
}

/** A quote without a validity date is valid for this many days from its creation. */
export const DEFAULT_QUOTE_VALIDITY_DAYS = 30;

/** Prices a quote exactly like an order: line net, line tax, subtotal, tax total, total (see pricing). */
export function priceQuote(lines: readonly QuoteLine[]): Result<PricedDocument, 'BAD_USER_INPUT'> {
  return priceOrderLines(lines);
}

export interface SubmittedQuote {
  status: 'PENDING_APPROVAL' | 'APPROVED';
  requiresApproval: boolean;
  validUntil: IsoDate;
  priced: PricedDocument;
}

/**
 * Submitting a draft (creating a quote submits it): the lines are priced like
 * an order's, the validity date defaults to 30 days ahead and may not already
 * be past, and the quote goes to PENDING_APPROVAL when any discount exceeds the
 * rep's limit, otherwise it is approved at once.
 */
export function submitQuote(q: {
  status: QuoteStatus;
  lines: readonly QuoteLine[];
  validUntil?: IsoDate | null;
  today: IsoDate;
  repDiscountLimit?: DecimalLike;
}): Result<SubmittedQuote, 'INVALID_TRANSITION' | 'BAD_USER_INPUT'> {
  const pending = transitionQuote(q.status, 'SUBMIT');
  if (!pending.ok) return pending;
  const validUntil = q.validUntil ?? addDays(q.today, DEFAULT_QUOTE_VALIDITY_DAYS);
  const date = parseIsoDate(validUntil);
  if (!date.ok) return refuse('BAD_USER_INPUT', `validUntil ${date.message}`, ['validUntil']);
  if (validUntil < q.today) return refuse('BAD_USER_INPUT', `The validity date ${validUntil} has already passed.`, ['validUntil']);
  const priced = priceQuote(q.lines);
  if (!priced.ok) return priced;
  const requiresApproval = needsApproval(q.lines, q.repDiscountLimit);
  // Within the limit the submission approves itself: PENDING_APPROVAL → APPROVED in the same step.
  return ok({ status: requiresApproval ? 'PENDING_APPROVAL' : 'APPROVED', requiresApproval, validUntil, priced: priced.value });
}
