import * as domain from '@tandem/domain';
import type { TicketType } from './crm.type';

/** A ticket as SQL returns it. */
export interface TicketRow {
  id: string;
  customer_id: string;
  subject: string;
  priority: TicketType['priority'];
  status: TicketType['status'];
  sla_due_at: Date | string;
  resolved_at: Date | string | null;
  created_at: Date | string;
}

export const TICKET_COLUMNS = 't.id, t.customer_id, t.subject, t.priority, t.status, t.sla_due_at, t.resolved_at, t.created_at';

/** The statuses in which a ticket's SLA still runs, from the domain (the SQL filters use these). */
export const UNRESOLVED_TICKET_STATUSES = (Object.keys(domain.TICKET_TRANSITIONS) as domain.TicketStatus[]).filter((s) => !domain.isTicketResolved(s));

/** `breached` is the domain's rule at `now`. */
export function toTicket(r: TicketRow, now: Date = new Date()): TicketType {
  const slaDueAt = new Date(r.sla_due_at);
  return {
    id: r.id,
    customerId: r.customer_id,
    subject: r.subject,
    priority: r.priority,
    status: r.status,
    slaDueAt,
    resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null,
    createdAt: new Date(r.created_at),
    breached: domain.isSlaBreached({ status: r.status, slaDueAt }, now),
  };
}
