import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { may, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { lockCustomer, lockTicketWithCustomer } from '../../db/locks';
import { inTransaction, refused, refusedFromDomain, refusedWith, type MutationResult } from '../../db/transaction';
import { isUuid } from '../../graphql/ids';
import { UserErrorCode } from '../../graphql/user-error.type';
import { inputErrors } from '../../graphql/validate-input';
import { customerRef } from '../customers/customer.mapper';
import { Ticket, TicketStatus } from './ticket.entity';
import type { OpenTicketInput } from './ticket.input';

/** Support tickets: SUPPORT (and ADMIN) open them on customers they may read and move them by the domain's table. */
export class TicketService {
  /** `now` is when the ticket is opened: always the present over the API (the demo seed opens one in the past). */
  async open(em: EntityManager, viewer: Viewer | null, input: OpenTicketInput, now: Date = new Date()): Promise<MutationResult<Ticket>> {
    const v = requireViewer(viewer);
    if (!may.writeTickets(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not open tickets.');
    const invalid = await inputErrors(input);
    if (invalid.length) return refusedWith(invalid);
    if (!isUuid(input.customerId)) return refused(UserErrorCode.NOT_FOUND, 'No such customer.', ['input', 'customerId']);
    return inTransaction(em, v, async (tx, events) => {
      const customer = await lockCustomer(tx, v, input.customerId, ['input', 'customerId']);
      const createdAt = now;
      const ticket = tx.create(Ticket, { customer: customer.id, subject: input.subject.trim(), priority: input.priority, slaDueAt: domain.slaDueAt(createdAt, input.priority), createdAt });
      tx.persist(ticket);
      events.record({ type: 'TicketOpened', customer: customerRef(customer), ticketId: ticket.id, subject: ticket.subject, priority: ticket.priority });
      return ticket;
    });
  }

  /** RESOLVED stamps resolvedAt, closing keeps it (or stamps now), reopening clears it; anything else the table forbids is INVALID_TRANSITION. */
  async updateStatus(em: EntityManager, viewer: Viewer | null, id: string, status: TicketStatus): Promise<MutationResult<Ticket>> {
    const v = requireViewer(viewer);
    if (!may.writeTickets(v)) return refused(UserErrorCode.FORBIDDEN, 'Your role may not change tickets.');
    if (!isUuid(id)) return refused(UserErrorCode.NOT_FOUND, 'No such ticket.', ['id']);
    return inTransaction(em, v, async (tx, events) => {
      const { ticket, customer } = await lockTicketWithCustomer(tx, v, id);
      const move = domain.moveTicket({ status: ticket.status, resolvedAt: ticket.resolvedAt ?? null }, status, new Date());
      if (!move.ok) throw refusedFromDomain(move, ['status']);
      const before = ticket.status;
      ticket.status = move.value.status as TicketStatus;
      ticket.resolvedAt = move.value.resolvedAt;
      events.record({ type: 'TicketStatusChanged', customer: customerRef(customer), ticketId: ticket.id, subject: ticket.subject, statusBefore: before, statusAfter: ticket.status });
      return ticket;
    });
  }
}
