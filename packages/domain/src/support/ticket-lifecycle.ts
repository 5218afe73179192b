import { ok, refuse, type Result } from '../money/result';

export type TicketStatus = 'OPEN' | 'IN_PROGRESS' | 'WAITING_ON_CUSTOMER' | 'RESOLVED' | 'CLOSED';

/**
 * The ticket lifecycle as a table. Work moves between OPEN, IN_PROGRESS and
 * WAITING_ON_CUSTOMER towards RESOLVED; a RESOLVED ticket may be reopened (to
 * OPEN) or closed; CLOSED is final.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'],
  WAITING_ON_CUSTOMER: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

/** RESOLVED and CLOSED tickets are resolved: their SLA no longer runs. */
export function isTicketResolved(status: TicketStatus): boolean {
  return status === 'RESOLVED' || status === 'CLOSED';
}

/** Moves a ticket along its table; any other move (including to its own status) is INVALID_TRANSITION. */
export function transitionTicket(from: TicketStatus, to: TicketStatus): Result<TicketStatus, 'INVALID_TRANSITION'> {
  return TICKET_TRANSITIONS[from].includes(to) ? ok(to) : refuse('INVALID_TRANSITION', `A ${from} ticket cannot become ${to}.`, undefined, { from, to });
}

/**
 * A status change with its `resolvedAt`: resolving stamps `now`, closing keeps
 * the time it was resolved (or stamps `now` when closed unresolved), reopening
 * clears it.
 */
export function moveTicket(t: { status: TicketStatus; resolvedAt: Date | null }, to: TicketStatus, now: Date): Result<{ status: TicketStatus; resolvedAt: Date | null }, 'INVALID_TRANSITION'> {
  const move = transitionTicket(t.status, to);
  if (!move.ok) return move;
  const resolvedAt = to === 'RESOLVED' ? now : to === 'CLOSED' ? (t.resolvedAt ?? now) : null;
  return ok({ status: to, resolvedAt });
}
