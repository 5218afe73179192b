import { ok, refuse, type Result } from './result';

/** Calendar dates are `YYYY-MM-DD` strings in UTC throughout the domain. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Accepts a real calendar date `YYYY-MM-DD` only (2025-02-30 is refused). */
export function parseIsoDate(text: string): Result<IsoDate, 'BAD_USER_INPUT'> {
  const m = ISO_DATE.exec(text);
  if (!m) return refuse('BAD_USER_INPUT', 'must be a date YYYY-MM-DD');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return refuse('BAD_USER_INPUT', `${text} is not a calendar date`);
  }
  return ok(text);
}

function toUtc(date: IsoDate): number {
  const r = parseIsoDate(date);
  if (!r.ok) throw new RangeError(`not an ISO date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/** The date `days` after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: ${days} is not a whole number of days`);
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The UTC calendar date of an instant. */
export function formatIsoDate(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10);
}
