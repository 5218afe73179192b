import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { canReadCustomer, customerScope, mayReadCommercial, requireViewer } from '../../auth/policy';
import { formatIsoDate } from '@tandem/domain';
import { toProduct } from '../catalog/product.loaders';
import { toCustomer } from '../customers/customer.loaders';
import { toOrder } from '../orders/order.loaders';
import { invoiceView } from '../receivables/invoice-view';
import type { Context } from '../../context';
import { badUserInput } from '../../graphql/errors';
import { isAlertId } from '../../graphql/ids';
import { PayloadType, toPayload } from '../../graphql/payload';
import { ProductType } from '../catalog/product.type';
import { CustomerType } from '../customers/customer.type';
import { OrderType } from '../orders/order.type';
import { InvoiceType } from '../receivables/invoice.type';
import { AlertKind } from './alert.entity';
import { alertOf } from './alert.mapper';
import type { AlertRow } from './alert.rows';
import { alertStream } from './alert-stream';
import { AlertConnection, AlertKindCountType, AlertType } from './alert.type';

const AlertPayload = PayloadType(AlertType, 'alert', 'AlertPayload');

interface StreamArgs {
  kinds?: AlertKind[] | null;
  after?: string | null;
}

@Resolver()
export class AlertResolver {
  @Query(() => AlertConnection, { description: 'Alerts the viewer may see, newest first.' })
  alerts(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('unacknowledged', () => Boolean, { nullable: true }) unacknowledged: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.alerts.alerts(ctx.em, ctx.viewer, first, after, unacknowledged);
  }

  @Query(() => [AlertKindCountType], { description: 'How many alerts of each kind the viewer may see (kinds with none left out): the dashboard’s counters.' })
  alertCounts(
    @Arg('unacknowledged', () => Boolean, { nullable: true, description: 'true: only those not yet acknowledged; false: only acknowledged ones.' }) unacknowledged: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.alerts.counts(ctx.em, ctx.viewer, unacknowledged);
  }

  @Mutation(() => AlertPayload)
  async acknowledgeAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return toPayload('alert', await ctx.services.alerts.acknowledge(ctx.em, ctx.viewer, id), (a) => a);
  }

  @Subscription(() => AlertType, {
    description: 'Live alerts the viewer may see. With `after`, first every later alert (oldest first), then live ones.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, StreamArgs, Context>) => {
      const viewer = requireViewer(context.viewer);
      if (args.after != null && !isAlertId(args.after)) throw badUserInput('after must be an alert id', ['after']);
      return alertStream(context.services.alertHub, context.em, viewer, args.kinds ?? null, args.after ?? null);
    },
  })
  alertRaised(
    @Root() row: AlertRow,
    @Arg('kinds', () => [AlertKind], { nullable: true }) _kinds: AlertKind[] | null,
    @Arg('after', () => ID, { nullable: true }) _after: string | null,
    @Ctx() ctx: Context,
  ): AlertType {
    // A subscription lives for hours: each event resolves with fresh loaders, never a stale cache.
    ctx.renew();
    return alertOf(row);
  }
}

/**
 * What an alert names. A streamed alert carries those rows already (read once
 * per instance); the same visibility rules apply as for the loaders, so what
 * the viewer may not read comes back null.
 */
@Resolver(() => AlertType)
export class AlertFields {
  @FieldResolver(() => CustomerType, { nullable: true })
  customer(@Root() a: AlertType, @Ctx() ctx: Context) {
    const viewer = requireViewer(ctx.viewer);
    if (!a.customerId || customerScope(viewer).kind === 'none') return null;
    const row = a.subjects?.customer;
    if (row) return canReadCustomer(viewer, row.owner_id) ? toCustomer(row) : null;
    return ctx.loaders.customers.customer.load(a.customerId);
  }

  @FieldResolver(() => OrderType, { nullable: true })
  order(@Root() a: AlertType, @Ctx() ctx: Context) {
    const viewer = requireViewer(ctx.viewer);
    if (!a.orderId) return null;
    const row = a.subjects?.order;
    if (row) return viewer.role === 'WAREHOUSE' || (viewer.role !== 'SUPPORT' && canReadCustomer(viewer, a.subjects?.customer?.owner_id ?? '')) ? toOrder(row) : null;
    return ctx.loaders.orders.order.load(a.orderId);
  }

  @FieldResolver(() => InvoiceType, { nullable: true })
  invoice(@Root() a: AlertType, @Ctx() ctx: Context) {
    const viewer = requireViewer(ctx.viewer);
    if (!a.invoiceId) return null;
    const row = a.subjects?.invoice;
    if (row) return mayReadCommercial(viewer) && canReadCustomer(viewer, a.subjects?.customer?.owner_id ?? '') ? invoiceView(row, formatIsoDate(new Date())) : null;
    return ctx.loaders.invoices.invoice.load(a.invoiceId);
  }

  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() a: AlertType, @Ctx() ctx: Context) {
    if (!a.productId) return null;
    const row = a.subjects?.product;
    return row ? toProduct(row) : ctx.loaders.products.product.load(a.productId);
  }
}
