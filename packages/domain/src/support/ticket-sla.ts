import { ok, refuse, type Result } from '../money/result';

export type TicketPriority = 'URGENT' | 'HIGH' | 'NORMAL' | 'LOW';
export type TicketStatus = 'OPEN' | 'IN_PROGRESS' | 'WAITING_ON_CUSTOMER' | 'RESOLVED' | 'CLOSED';

/** Hours to resolve by priority: URGENT 4, HIGH 8, NORMAL 24, LOW 72. */
export const SLA_HOURS: Readonly<Record<TicketPriority, number>> = { URGENT: 4, HIGH: 8, NORMAL: 24, LOW: 72 };

/** The SLA due time: the ticket's creation plus its priority's hours. */
export function slaDueAt(createdAt: Date, priority: TicketPriority): Date {
  return new Date(createdAt.getTime() + SLA_HOURS[priority] * 3_600_000);
}

/** The ticket lifecycle as a table; RESOLVED may be reopened, CLOSED is final. */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  OPEN: ['IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED'],
  WAITING_ON_CUSTOMER: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

/** Moves a ticket along its table, or INVALID_TRANSITION. */
export function transitionTicket(from: TicketStatus, to: TicketStatus): Result<TicketStatus, 'INVALID_TRANSITION'> {
  return TICKET_TRANSITIONS[from].includes(to) ? ok(to) : refuse('INVALID_TRANSITION', `A ${from} ticket cannot become ${to}.`);
}

const isResolved = (s: TicketStatus) => s === 'RESOLVED' || s === 'CLOSED';

/** Breached: still unresolved after its SLA due time. */
export function isSlaBreached(t: { status: TicketStatus; slaDueAt: Date }, now: Date): boolean {
  return !isResolved(t.status) && now.getTime() > t.slaDueAt.getTime();
}

/** SLA_BREACH fires only when a ticket crosses from within its SLA to breached, not again while it stays breached. */
export function slaBreachCrossed(t: { status: TicketStatus; slaDueAt: Date }, before: Date, after: Date): boolean {
  return !isSlaBreached(t, before) && isSlaBreached(t, after);
}
