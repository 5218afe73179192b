import { addDays, type IsoDate } from './dates';
import { ok, refuse, type Result } from './result';

/** How far back an order, invoice or payment may be dated, in days (one year unless configured). */
export const DEFAULT_BACKDATING_DAYS = 365;

/**
 * A business document's date (an order's, an invoice's issue date, a
 * payment's receipt): never after today, and never more than `backdatingDays`
 * before it, so nobody can slip a document into a long-settled past.
 */
export function checkDocumentDate(d: { date: IsoDate; today: IsoDate; what: string; field: string[] }, backdatingDays: number = DEFAULT_BACKDATING_DAYS): Result<IsoDate, 'BAD_USER_INPUT'> {
  if (!Number.isSafeInteger(backdatingDays) || backdatingDays < 0) throw new RangeError(`backdatingDays must be a whole number of days, not ${backdatingDays}`);
  if (d.date > d.today) return refuse('BAD_USER_INPUT', `${d.what} cannot be dated in the future.`, d.field);
  const earliest = addDays(d.today, -backdatingDays);
  if (d.date < earliest) return refuse('BAD_USER_INPUT', `${d.what} cannot be dated more than ${backdatingDays} days back (before ${earliest}).`, d.field, { earliest });
  return ok(d.date);
}
