import { Arg, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { assertMayReadOrders, requireViewer } from '../../auth/policy';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { DateScalar } from '../../graphql/scalars';
import { UserError } from '../../graphql/user-error.type';
import { CreditCheckType } from '../customers/customer.type';
import { invoiceOf } from '../receivables/invoice-view';
import { InvoiceType } from '../receivables/invoice.type';
import { OrderStatus } from './order.entity';
import { orderOf } from './order-view';
import { CreateOrderInput, OrderConnection, OrderType, ShipLineInput, ShipmentType } from './order.type';

const OrderPayload = PayloadType(OrderType, 'order', 'OrderPayload');
const InvoicePayload = PayloadType(InvoiceType, 'invoice', 'InvoicePayload');

@ObjectType()
class ConfirmOrderPayload {
  @Field(() => OrderType, { nullable: true }) order!: OrderType | null;
  @Field(() => CreditCheckType, { nullable: true, description: 'The credit figures the confirmation was judged on, also when refused.' }) creditCheck!: CreditCheckType | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
class ShipOrderPayload {
  @Field(() => OrderType, { nullable: true }) order!: OrderType | null;
  @Field(() => ShipmentType, { nullable: true }) shipment!: ShipmentType | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@Resolver()
export class OrderResolver {
  @Query(() => OrderType, { nullable: true, description: 'null when it does not exist or the viewer may not read it.' })
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    assertMayReadOrders(requireViewer(ctx.viewer));
    return ctx.loaders.orders.order.load(id);
  }

  @Query(() => OrderConnection, { nullable: true, description: 'Orders the viewer may read, newest first (orderDate, then number). null (FORBIDDEN) for SUPPORT.' })
  orders(
    @Arg('first', () => Int, { description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Arg('customerId', () => ID, { nullable: true, description: "Only this customer's orders; a customer the viewer may not read matches none." }) customerId: string | null,
    @Arg('status', () => [OrderStatus], { nullable: true, description: 'Only orders in one of these statuses; omitted or empty: any.' }) status: OrderStatus[] | null,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Only orders dated on or after this day.' }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Only orders dated on or before this day.' }) to: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.orderQueries.orders(ctx.em, ctx.viewer, { first, after, customerId, status, from, to });
  }

  @Mutation(() => OrderPayload)
  async createOrder(@Arg('input', () => CreateOrderInput) input: CreateOrderInput, @Ctx() ctx: Context) {
    return toPayload('order', await ctx.services.orders.createOrder(ctx.em, ctx.viewer, input), orderOf);
  }

  @Mutation(() => ConfirmOrderPayload, { description: 'Checks credit and reserves stock in one atomic step.' })
  async confirmOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ConfirmOrderPayload> {
    const r = await ctx.services.fulfilment.confirmOrder(ctx.em, ctx.viewer, id);
    return r.ok ? { order: r.value.order, creditCheck: r.value.creditCheck, userErrors: [] } : { order: null, creditCheck: r.details?.creditCheck ?? null, userErrors: r.userErrors };
  }

  @Mutation(() => OrderPayload)
  async cancelOrder(@Arg('id', () => ID) id: string, @Arg('reason', () => String, { nullable: true }) reason: string | null, @Ctx() ctx: Context) {
    return toPayload('order', await ctx.services.fulfilment.cancelOrder(ctx.em, ctx.viewer, id, reason), orderOf);
  }

  @Mutation(() => ShipOrderPayload, { description: 'WAREHOUSE or ADMIN. Without lines, ships everything not yet shipped.' })
  async shipOrder(@Arg('id', () => ID) id: string, @Arg('lines', () => [ShipLineInput], { nullable: true }) lines: ShipLineInput[] | null, @Ctx() ctx: Context): Promise<ShipOrderPayload> {
    const r = await ctx.services.fulfilment.shipOrder(ctx.em, ctx.viewer, id, lines);
    if (!r.ok) return { order: null, shipment: null, userErrors: r.userErrors };
    const { order, shipment } = r.value;
    return {
      order: orderOf(order),
      shipment: { id: shipment.id, shippedAt: shipment.shippedAt, lines: shipment.lines.getItems().map((l) => ({ productId: l.product.id, quantity: l.quantity })) },
      userErrors: [],
    };
  }

  @Mutation(() => InvoicePayload, { description: 'FINANCE or ADMIN. Bills the shipped, not yet invoiced quantities.' })
  async invoiceOrder(@Arg('orderId', () => ID) orderId: string, @Arg('issueDate', () => DateScalar, { nullable: true }) issueDate: string | null, @Ctx() ctx: Context) {
    return toPayload('invoice', await ctx.services.invoicing.invoiceOrder(ctx.em, ctx.viewer, orderId, issueDate), invoiceOf);
  }
}
