import { ok, refuse, type Result } from './result';

/** Calendar dates are `YYYY-MM-DD` strings in UTC throughout the domain. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The sane range of a business date: anything outside it is a typo or an attack, never a real document. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;
const DAY_MS = 86_400_000;

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function utcMidnight(y: number, m: number, d: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
}

/** Accepts a real calendar date `YYYY-MM-DD` only (2025-02-30 is refused). */
export function parseIsoDate(text: string): Result<IsoDate, 'BAD_USER_INPUT'> {
  const m = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!m) return refuse('BAD_USER_INPUT', 'must be a date YYYY-MM-DD');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = utcMidnight(y, mo, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return refuse('BAD_USER_INPUT', `${text} is not a calendar date`);
  }
  return ok(text);
}

/**
 * A date a client sends for a business document or a query: a real calendar
 * date within the years 1900–2999. Anything outside is a typo or an attack,
 * never a real document, and would only reach the database to fail there.
 */
export function parseBusinessDate(text: string): Result<IsoDate, 'BAD_USER_INPUT'> {
  const r = parseIsoDate(text);
  if (!r.ok) return r;
  const year = Number(text.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) return refuse('BAD_USER_INPUT', `${text} is outside the years ${MIN_YEAR}–${MAX_YEAR}`);
  return r;
}

/** Whether `text` is a real calendar date `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  return parseIsoDate(text).ok;
}

function toUtc(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return utcMidnight(y, m, d).getTime();
}

/**
 * The UTC calendar date of an instant (`now` gives today). Years outside
 * 0000–9999 have no `YYYY-MM-DD` form and throw.
 */
export function formatIsoDate(instant: Date): IsoDate {
  const y = instant.getUTCFullYear();
  if (!(y >= 0 && y <= 9999)) throw new RangeError(`${String(instant)} is outside years 0000–9999`);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(y, 4)}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}`;
}

/** The date `days` after `date` (negative goes back); calendar days, no time zones. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new RangeError(`addDays: ${days} is not a whole number of days`);
  return formatIsoDate(new Date(toUtc(date) + days * DAY_MS));
}

/** Whole days from `from` to `to` (positive when `to` is later): daysBetween(dueDate, asOf) is days past due. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}
