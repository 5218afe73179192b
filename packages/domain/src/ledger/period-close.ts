import { parseIsoDate, type IsoDate } from '../money/dates';
import { ok, refuse, type Result } from '../money/result';
import { assertBalanced, type LedgerPosting } from './ledger-postings';

/** Nothing posts on or before the end of the last closed period (`closedThrough`, null when none is closed): PERIOD_CLOSED. */
export function checkPostingDate(date: IsoDate, closedThrough: IsoDate | null): Result<IsoDate, 'PERIOD_CLOSED'> {
  return closedThrough !== null && date <= closedThrough
    ? refuse('PERIOD_CLOSED', `The books are closed through ${closedThrough}; nothing can be posted on ${date}.`, undefined, { date, closedThrough })
    : ok(date);
}

/** A posting enters the ledger only into an open period (else PERIOD_CLOSED) and only balanced (else it throws). */
export function postToLedger(p: LedgerPosting, closedThrough: IsoDate | null): Result<LedgerPosting, 'PERIOD_CLOSED'> {
  const open = checkPostingDate(p.date, closedThrough);
  return open.ok ? ok(assertBalanced(p)) : open;
}

/**
 * Closing the books through a date: it must be a real date after the current
 * close (periods close forwards only) and before today (a period closes once
 * it has ended). Otherwise BAD_USER_INPUT on `through`.
 */
export function planPeriodClose(c: { closedThrough: IsoDate | null; through: IsoDate; today: IsoDate }): Result<IsoDate, 'BAD_USER_INPUT'> {
  const date = parseIsoDate(c.through);
  if (!date.ok) return refuse('BAD_USER_INPUT', `through ${date.message}`, ['through']);
  if (c.closedThrough !== null && c.through <= c.closedThrough) return refuse('BAD_USER_INPUT', `The books are already closed through ${c.closedThrough}.`, ['through']);
  if (c.through >= c.today) return refuse('BAD_USER_INPUT', `A period can be closed only once it has ended; ${c.through} is not yet over.`, ['through']);
  return ok(c.through);
}
