import type { IsoDate } from '../money/dates';
import { ok, refuse, type Result } from '../money/result';

export type QuoteStatus = 'DRAFT' | 'PENDING_APPROVAL' | 'APPROVED' | 'SENT' | 'ACCEPTED' | 'EXPIRED' | 'REJECTED';
export type QuoteEvent = 'SUBMIT' | 'APPROVE' | 'REJECT' | 'SEND' | 'ACCEPT' | 'EXPIRE';

/**
 * The quote lifecycle as a table. SUBMIT always passes through
 * PENDING_APPROVAL; a quote within the rep's discount limit is approved at once
 * by the same submission (see `submitQuote`). Only an approved quote can be sent
 * or accepted; a manager rejects a pending quote, a customer a sent one; any
 * quote still open can expire. ACCEPTED, EXPIRED and REJECTED are final.
 */
export const QUOTE_TRANSITIONS: Readonly<Record<QuoteStatus, Readonly<Partial<Record<QuoteEvent, QuoteStatus>>>>> = {
  DRAFT: { SUBMIT: 'PENDING_APPROVAL', EXPIRE: 'EXPIRED' },
  PENDING_APPROVAL: { APPROVE: 'APPROVED', REJECT: 'REJECTED', EXPIRE: 'EXPIRED' },
  APPROVED: { SEND: 'SENT', ACCEPT: 'ACCEPTED', EXPIRE: 'EXPIRED' },
  SENT: { ACCEPT: 'ACCEPTED', REJECT: 'REJECTED', EXPIRE: 'EXPIRED' },
  ACCEPTED: {},
  EXPIRED: {},
  REJECTED: {},
};

/** The statuses from which a quote can still expire (the open ones). */
export const EXPIRABLE_QUOTE_STATUSES: readonly QuoteStatus[] = (Object.keys(QUOTE_TRANSITIONS) as QuoteStatus[]).filter((s) => QUOTE_TRANSITIONS[s].EXPIRE !== undefined);

/** The status an event moves a quote to, as the table says; any other move is INVALID_TRANSITION. */
export function transitionQuote(status: QuoteStatus, event: QuoteEvent): Result<QuoteStatus, 'INVALID_TRANSITION'> {
  const next = QUOTE_TRANSITIONS[status][event];
  return next ? ok(next) : refuse('INVALID_TRANSITION', `A ${status} quote cannot ${event.toLowerCase()}.`, undefined, { status, event });
}

/** A quote is expired once its validity date is behind `today` (it is still valid on that date) while it could still expire. */
export function isQuoteExpired(q: { status: QuoteStatus; validUntil: IsoDate }, today: IsoDate): boolean {
  return q.validUntil < today && QUOTE_TRANSITIONS[q.status].EXPIRE !== undefined;
}

/** The status to show as of `today`: an open quote past its validity date reads as EXPIRED, whatever is stored. */
export function quoteStatusAsOf(q: { status: QuoteStatus; validUntil: IsoDate }, today: IsoDate): QuoteStatus {
  return isQuoteExpired(q, today) ? 'EXPIRED' : q.status;
}

/**
 * A guarded move: the table decides, and the validity date guards it. An
 * expired quote can only EXPIRE; EXPIRE is refused while the quote is still
 * valid. Both refusals are INVALID_TRANSITION.
 */
export function moveQuote(q: { status: QuoteStatus; validUntil: IsoDate }, event: QuoteEvent, today: IsoDate): Result<QuoteStatus, 'INVALID_TRANSITION'> {
  const move = transitionQuote(q.status, event);
  if (!move.ok) return move;
  const expired = isQuoteExpired(q, today);
  if (event !== 'EXPIRE' && expired) return refuse('INVALID_TRANSITION', `The quote expired: it was valid until ${q.validUntil}.`, undefined, { status: q.status, event, validUntil: q.validUntil });
  if (event === 'EXPIRE' && !expired) return refuse('INVALID_TRANSITION', `The quote is valid until ${q.validUntil}.`, undefined, { status: q.status, event, validUntil: q.validUntil });
  return move;
}
