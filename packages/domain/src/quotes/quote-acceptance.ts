import type { IsoDate } from '../money/dates';
import type { Decimal } from '../money/decimal';
import { ok, type Result } from '../money/result';
import { moveQuote, type QuoteStatus } from './quote-lifecycle';
import { priceQuote, type QuoteLine } from './quote-submission';

/**
 * Accepting an approved or sent quote that has not expired yields the lines of
 * a new order: the same products, quantities, unit prices, discounts and tax
 * rates, so the order totals what the quote did. Anything else is
 * INVALID_TRANSITION. An accepted quote whose lines no longer price is a broken
 * invariant and throws.
 */
export function acceptQuote(
  q: { status: QuoteStatus; validUntil: IsoDate; lines: readonly QuoteLine[] },
  today: IsoDate,
): Result<{ status: 'ACCEPTED'; orderLines: QuoteLine[]; total: Decimal }, 'INVALID_TRANSITION'> {
  const move = moveQuote(q, 'ACCEPT', today);
  if (!move.ok) return move;
  const priced = priceQuote(q.lines);
  if (!priced.ok) throw new Error(`an approved quote has lines that do not price: ${priced.message}`);
  return ok({
    status: 'ACCEPTED',
    orderLines: q.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, discountPercent: l.discountPercent, taxRate: l.taxRate })),
    total: priced.value.total,
  });
}
