import { money, type Decimal, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { ok, refuse, type Result } from '../money/result';
import { priceOrderLines, type LineToPrice, type PricedDocument } from '../pricing/line-pricing';

export type QuoteStatus = 'DRAFT' | 'PENDING_APPROVAL' | 'APPROVED' | 'SENT' | 'ACCEPTED' | 'EXPIRED' | 'REJECTED';
export type QuoteEvent = 'SUBMIT' | 'APPROVE' | 'REJECT' | 'SEND' | 'ACCEPT' | 'EXPIRE';

/** A rep may give up to this discount without a manager's approval (15 %). */
export const DEFAULT_REP_DISCOUNT_LIMIT = '15';

/**
 * The quote lifecycle as a table. SUBMIT goes to PENDING_APPROVAL or straight
 * to APPROVED (see submitQuote); SEND, ACCEPT and EXPIRE need an approved quote.
 */
export const QUOTE_TRANSITIONS: Readonly<Record<QuoteStatus, Partial<Record<QuoteEvent, QuoteStatus>>>> = {
  DRAFT: { SUBMIT: 'PENDING_APPROVAL' },
  PENDING_APPROVAL: { APPROVE: 'APPROVED', REJECT: 'REJECTED' },
  APPROVED: { SEND: 'SENT', ACCEPT: 'ACCEPTED', EXPIRE: 'EXPIRED' },
  SENT: { ACCEPT: 'ACCEPTED', EXPIRE: 'EXPIRED', REJECT: 'REJECTED' },
  ACCEPTED: {},
  EXPIRED: {},
  REJECTED: {},
};

/** The status an event moves a quote to, or INVALID_TRANSITION. */
export function transitionQuote(status: QuoteStatus, event: QuoteEvent): Result<QuoteStatus, 'INVALID_TRANSITION'> {
  const next = QUOTE_TRANSITIONS[status][event];
  return next ? ok(next) : refuse('INVALID_TRANSITION', `A quote that is ${status} cannot ${event.toLowerCase()}.`);
}

export interface QuoteLine extends LineToPrice {
  productId: string;
}

/** A quote needs SALES_MANAGER approval when any line's discount exceeds the rep's limit. */
export function needsApproval(lines: readonly Pick<QuoteLine, 'discountPercent'>[], repDiscountLimit: DecimalLike = DEFAULT_REP_DISCOUNT_LIMIT): boolean {
  return lines.some((l) => money(l.discountPercent).gt(money(repDiscountLimit)));
}

/** Prices a quote exactly like an order (line net, tax, totals). */
export function priceQuote(lines: readonly QuoteLine[]): Result<PricedDocument, 'BAD_USER_INPUT'> {
  return priceOrderLines(lines);
}

/**
 * Submitting a draft: to PENDING_APPROVAL when a discount is over the rep's
 * limit, otherwise approved at once. A quote valid until a date already past is refused.
 */
export function submitQuote(q: { status: QuoteStatus; lines: readonly QuoteLine[]; validUntil: IsoDate; today: IsoDate; repDiscountLimit?: DecimalLike }): Result<QuoteStatus, 'INVALID_TRANSITION' | 'BAD_USER_INPUT'> {
  const move = transitionQuote(q.status, 'SUBMIT');
  if (!move.ok) return move;
  if (q.validUntil < q.today) return refuse('BAD_USER_INPUT', 'The validity date has passed.', ['validUntil']);
  const priced = priceQuote(q.lines);
  if (!priced.ok) return priced;
  return ok(needsApproval(q.lines, q.repDiscountLimit) ? 'PENDING_APPROVAL' : 'APPROVED');
}

/** An approved or sent quote past its validity date has expired. */
export function isQuoteExpired(q: { status: QuoteStatus; validUntil: IsoDate }, today: IsoDate): boolean {
  return (q.status === 'APPROVED' || q.status === 'SENT') && q.validUntil < today;
}

/**
 * Accepting an approved or sent quote that has not expired yields the lines of
 * a new order (same products, quantities, prices and discounts).
 */
export function acceptQuote(q: { status: QuoteStatus; validUntil: IsoDate; lines: readonly QuoteLine[] }, today: IsoDate): Result<{ status: 'ACCEPTED'; orderLines: QuoteLine[]; total: Decimal }, 'INVALID_TRANSITION'> {
  const move = transitionQuote(q.status, 'ACCEPT');
  if (!move.ok) return move;
  if (isQuoteExpired(q, today)) return refuse('INVALID_TRANSITION', `The quote expired on ${q.validUntil}.`);
  const priced = priceQuote(q.lines);
  if (!priced.ok) throw new Error(`an approved quote has invalid lines: ${priced.message}`);
  return ok({ status: 'ACCEPTED', orderLines: q.lines.map((l) => ({ ...l })), total: priced.value.total });
}
