import { isTicketResolved, type TicketStatus } from './ticket-lifecycle';

export type TicketPriority = 'URGENT' | 'HIGH' | 'NORMAL' | 'LOW';

/** Hours to resolve, by priority: URGENT 4, HIGH 8, NORMAL 24, LOW 72 (wall-clock hours). */
export const SLA_HOURS: Readonly<Record<TicketPriority, number>> = { URGENT: 4, HIGH: 8, NORMAL: 24, LOW: 72 };

const HOUR_MS = 3_600_000;

/** The SLA due time: the instant the ticket was created plus its priority's hours. */
export function slaDueAt(createdAt: Date, priority: TicketPriority): Date {
  if (Number.isNaN(createdAt.getTime())) throw new RangeError('slaDueAt: createdAt is not a valid instant');
  return new Date(createdAt.getTime() + SLA_HOURS[priority] * HOUR_MS);
}

export interface TicketSlaFacts {
  status: TicketStatus;
  slaDueAt: Date;
}

/** Breached: still unresolved (neither RESOLVED nor CLOSED) strictly after its SLA due time. */
export function isSlaBreached(t: TicketSlaFacts, now: Date): boolean {
  return !isTicketResolved(t.status) && now.getTime() > t.slaDueAt.getTime();
}

/**
 * SLA_BREACH is raised only when a ticket crosses from within its SLA to
 * breached between two observations (`at` is when each was taken): as time
 * passes its due time, or when it is reopened after it. Never again while it
 * stays breached.
 */
export function slaBreachCrossed(before: TicketSlaFacts & { at: Date }, after: TicketSlaFacts & { at: Date }): boolean {
  return !isSlaBreached(before, before.at) && isSlaBreached(after, after.at);
}
