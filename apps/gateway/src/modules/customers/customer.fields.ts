import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertMayReadCommercial, assertMayReadOpportunities, assertMayReadOrders, requireViewer } from '../../auth/policy';
import type { Context } from '../../context';
import { DecimalScalar } from '../../graphql/scalars';
import { ActivityConnection, OpportunityConnection, TicketType, TimelineConnection } from '../crm/crm.type';
import { timelineCursor } from '../crm/timeline-query.service';
import { InvoiceStatus } from '../receivables/invoice.entity';
import { InvoiceConnection } from '../receivables/invoice.type';
import { orderCursor } from '../orders/order-query.service';
import { OrderConnection } from '../orders/order.type';
import { PaymentConnection } from '../receivables/payment.type';
import { INVOICES_OLDEST_DUE_FIRST, invoiceDueCursor, paymentCursor } from '../receivables/receivables-query.service';
import { UserType } from '../users/user.type';
import { ContactType, CreditType, CustomerType } from './customer.type';
import { nestedConnection } from '../../graphql/nested-connection';

@Resolver(() => CustomerType)
export class CustomerFields {
  @FieldResolver(() => UserType, { nullable: true })
  owner(@Root() c: CustomerType, @Ctx() ctx: Context) {
    return ctx.loaders.customers.user.load(c.ownerId);
  }

  @FieldResolver(() => [ContactType])
  contacts(@Root() c: CustomerType, @Ctx() ctx: Context) {
    return ctx.loaders.customers.contactsByCustomer.load(c.id);
  }

  @FieldResolver(() => CreditType)
  async credit(@Root() c: CustomerType, @Ctx() ctx: Context) {
    const credit = await ctx.loaders.customers.creditByCustomer.load(c.id);
    if (!credit) throw new Error(`credit figures missing for visible customer ${c.id}`);
    return credit;
  }

  @FieldResolver(() => OrderConnection, { nullable: true, description: 'Newest first. FORBIDDEN for SUPPORT.' })
  orders(
    @Root() c: CustomerType,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page (also a cursor of the top-level orders list).' }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    assertMayReadOrders(requireViewer(ctx.viewer));
    return nestedConnection({
      first,
      after,
      parentId: c.id,
      firstPage: (n) => ctx.loaders.orders.recentByCustomer(n),
      cursorOf: orderCursor,
      pageAfter: (cursor) => ctx.services.orderQueries.orders(ctx.em, ctx.viewer, { first, after: cursor, customerId: c.id }),
      count: () => ctx.loaders.orders.countByCustomer.load(c.id),
    });
  }

  @FieldResolver(() => InvoiceConnection, { nullable: true, description: 'Oldest due first. FORBIDDEN for SUPPORT.' })
  invoices(
    @Root() c: CustomerType,
    @Arg('first', () => Int, { defaultValue: 10 }) first: number,
    @Arg('status', () => [InvoiceStatus], { nullable: true }) status: InvoiceStatus[] | null,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page, asked with the same status.' }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    assertMayReadCommercial(requireViewer(ctx.viewer), 'invoices');
    const inv = ctx.loaders.invoices;
    return nestedConnection({
      first,
      after,
      parentId: c.id,
      firstPage: (n) => inv.recentByCustomer(n, status ?? null),
      cursorOf: invoiceDueCursor,
      pageAfter: (cursor) => ctx.services.receivablesQueries.invoices(ctx.em, ctx.viewer, { first, after: cursor, customerId: c.id, status }, INVOICES_OLDEST_DUE_FIRST),
      count: () => inv.countByCustomer(status ?? null).load(c.id),
    });
  }

  @FieldResolver(() => PaymentConnection, { nullable: true, description: 'Newest received first. FORBIDDEN for SUPPORT.' })
  payments(
    @Root() c: CustomerType,
    @Arg('first', () => Int, { defaultValue: 10, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page (also a cursor of the top-level payments list).' }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    assertMayReadCommercial(requireViewer(ctx.viewer), 'payments');
    return nestedConnection({
      first,
      after,
      parentId: c.id,
      firstPage: (n) => ctx.loaders.payments.recentByCustomer(n),
      cursorOf: paymentCursor,
      pageAfter: (cursor) => ctx.services.receivablesQueries.payments(ctx.em, ctx.viewer, { first, after: cursor, customerId: c.id }),
      count: () => ctx.loaders.payments.countByCustomer.load(c.id),
    });
  }

  @FieldResolver(() => [TicketType], { description: 'Tickets not yet resolved, soonest SLA first.' })
  openTickets(@Root() c: CustomerType, @Ctx() ctx: Context) {
    return ctx.loaders.crm.openTicketsByCustomer.load(c.id);
  }

  @FieldResolver(() => OpportunityConnection, { nullable: true, description: 'FORBIDDEN for SUPPORT.' })
  opportunities(@Root() c: CustomerType, @Arg('first', () => Int, { defaultValue: 10 }) first: number, @Ctx() ctx: Context) {
    assertMayReadOpportunities(requireViewer(ctx.viewer));
    return nestedConnection({ first, parentId: c.id, firstPage: ctx.loaders.crm.opportunitiesByCustomer });
  }

  @FieldResolver(() => ActivityConnection, { description: 'Newest first.' })
  activities(@Root() c: CustomerType, @Arg('first', () => Int, { defaultValue: 10 }) first: number, @Ctx() ctx: Context) {
    return nestedConnection({ first, parentId: c.id, firstPage: ctx.loaders.crm.activitiesByCustomer });
  }

  @FieldResolver(() => TimelineConnection, {
    description:
      'What happened with the customer, newest first: activities people logged and what the system did (orders, invoices, payments, credit, quotes, deals, tickets). SUPPORT sees the activities, tickets and holds.',
  })
  timeline(
    @Root() c: CustomerType,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return nestedConnection({
      first,
      after,
      parentId: c.id,
      firstPage: ctx.loaders.crm.timelineByCustomer,
      cursorOf: timelineCursor,
      pageAfter: (cursor) => ctx.services.timelineQueries.pageAfter(ctx.em, ctx.viewer, c.id, first, cursor),
    });
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'Paid revenue: everything its invoices have been paid. FORBIDDEN for SUPPORT.' })
  lifetimeValue(@Root() c: CustomerType, @Ctx() ctx: Context) {
    assertMayReadCommercial(requireViewer(ctx.viewer), 'lifetime value');
    return ctx.loaders.crm.lifetimeValueByCustomer.load(c.id);
  }
}

@Resolver(() => ContactType)
export class ContactFields {
  @FieldResolver(() => String)
  fullName(@Root() c: ContactType) {
    return `${c.firstName} ${c.lastName}`;
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() c: ContactType, @Ctx() ctx: Context) {
    const customer = await ctx.loaders.customers.customer.load(c.customerId);
    if (!customer) throw new Error(`contact ${c.id} reached without access to its customer`);
    return customer;
  }
}
