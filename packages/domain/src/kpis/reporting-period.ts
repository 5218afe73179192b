import { daysBetween, parseIsoDate, type IsoDate } from '../money/dates';
import { ok, refuse, type Result } from '../money/result';

/** A reporting period: both ends are included. */
export interface ReportingPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** A reporting period must be two real dates with `from` not after `to` (BAD_USER_INPUT on the offending end). */
export function checkReportingPeriod(from: IsoDate, to: IsoDate): Result<ReportingPeriod, 'BAD_USER_INPUT'> {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const date = parseIsoDate(value);
    if (!date.ok) return refuse('BAD_USER_INPUT', `${name} ${date.message}`, [name]);
  }
  if (from > to) return refuse('BAD_USER_INPUT', `The period ends (${to}) before it starts (${from}).`, ['to']);
  return ok({ from, to });
}

/** A date falls within a period when it is on or after `from` and on or before `to`. */
export function isWithinPeriod(date: IsoDate, period: ReportingPeriod): boolean {
  return date >= period.from && date <= period.to;
}

/** The days a period spans, both ends counted (January is 31). */
export function daysInPeriod(period: ReportingPeriod): number {
  const days = daysBetween(period.from, period.to) + 1;
  if (days < 1) throw new RangeError(`the period ${period.from}..${period.to} ends before it starts`);
  return days;
}
