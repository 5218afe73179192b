import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { CustomerType } from '../customers/customer.type';
import { TicketConnection, TicketType } from './crm.type';
import { TicketStatus, type Ticket } from './ticket.entity';
import { OpenTicketInput } from './ticket.input';
import { toTicket } from './ticket.rows';

const TicketPayload = PayloadType(TicketType, 'ticket', 'TicketPayload');

const ticketOf = (t: Ticket): TicketType =>
  toTicket({
    id: t.id,
    customer_id: t.customer.id,
    subject: t.subject,
    priority: t.priority,
    status: t.status,
    sla_due_at: t.slaDueAt,
    resolved_at: t.resolvedAt ?? null,
    created_at: t.createdAt,
  });

/** Support over the API: tickets with their SLA. Thin: the services decide. */
@Resolver(() => TicketType)
export class TicketResolver {
  @Query(() => TicketConnection, { nullable: true, description: 'Tickets the viewer may see (its customers’), newest first. FORBIDDEN for WAREHOUSE.' })
  tickets(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => [TicketStatus], { nullable: true, description: 'Only tickets in these statuses.' }) status: TicketStatus[] | null,
    @Arg('breached', () => Boolean, { nullable: true, description: 'true: only tickets past their SLA unresolved; false: only the others.' }) breached: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.ticketQueries.tickets(ctx.em, ctx.viewer, { first, after, status, breached });
  }

  @Query(() => TicketType, { nullable: true, description: 'One ticket; null when there is none or its customer is not one the viewer may read.' })
  ticket(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.ticketQueries.ticket(ctx.em, ctx.viewer, id);
  }

  @Mutation(() => TicketPayload, { description: 'Opens a ticket (SUPPORT, ADMIN); its SLA deadline comes from the priority.' })
  async openTicket(@Arg('input', () => OpenTicketInput) input: OpenTicketInput, @Ctx() ctx: Context) {
    return toPayload('ticket', await ctx.services.tickets.open(ctx.em, ctx.viewer, input), ticketOf);
  }

  @Mutation(() => TicketPayload, { description: 'Moves a ticket by the domain’s table (SUPPORT, ADMIN): RESOLVED sets resolvedAt, reopening clears it.' })
  async updateTicketStatus(@Arg('id', () => ID) id: string, @Arg('status', () => TicketStatus, { description: 'The status to move to.' }) status: TicketStatus, @Ctx() ctx: Context) {
    return toPayload('ticket', await ctx.services.tickets.updateStatus(ctx.em, ctx.viewer, id, status), ticketOf);
  }

  @FieldResolver(() => CustomerType, { description: 'The customer who needs help.' })
  customer(@Root() t: TicketType, @Ctx() ctx: Context) {
    return ctx.loaders.customers.customer.load(t.customerId);
  }
}
