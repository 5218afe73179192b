import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { requireViewer, customerScope } from '../../auth/policy';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { ProductType } from '../catalog/product.type';
import { CustomerType } from '../customers/customer.type';
import { OrderType } from '../orders/order.type';
import { InvoiceType } from '../receivables/invoice.type';
import { AlertKind } from './alert.entity';
import { alertOf } from './alert.mapper';
import type { AlertRow } from './alert.rows';
import { alertStream } from './alert-stream';
import { AlertConnection, AlertType } from './alert.type';

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

  @Mutation(() => AlertPayload)
  async acknowledgeAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return toPayload('alert', await ctx.services.alerts.acknowledge(ctx.em, ctx.viewer, id), (a) => a);
  }

  @Subscription(() => AlertType, {
    description: 'Live alerts the viewer may see. With `after`, first every later alert (oldest first), then live ones.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, StreamArgs, Context>) => {
      const viewer = requireViewer(context.viewer);
      if (args.after != null && !/^\d{1,19}$/.test(args.after)) throw new Error('after must be an alert id');
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

/** What an alert names, each through the viewer's scoped loaders: what it may not read comes back null. */
@Resolver(() => AlertType)
export class AlertFields {
  @FieldResolver(() => CustomerType, { nullable: true })
  customer(@Root() a: AlertType, @Ctx() ctx: Context) {
    if (!a.customerId || customerScope(requireViewer(ctx.viewer)).kind === 'none') return null;
    return ctx.loaders.customers.customer.load(a.customerId);
  }

  @FieldResolver(() => OrderType, { nullable: true })
  order(@Root() a: AlertType, @Ctx() ctx: Context) {
    return a.orderId ? ctx.loaders.orders.order.load(a.orderId) : null;
  }

  @FieldResolver(() => InvoiceType, { nullable: true })
  invoice(@Root() a: AlertType, @Ctx() ctx: Context) {
    return a.invoiceId ? ctx.loaders.invoices.invoice.load(a.invoiceId) : null;
  }

  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() a: AlertType, @Ctx() ctx: Context) {
    return a.productId ? ctx.loaders.products.product.load(a.productId) : null;
  }
}
