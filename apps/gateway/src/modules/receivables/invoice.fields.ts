import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CustomerType } from '../customers/customer.type';
import { OrderType } from '../orders/order.type';
import { InvoiceType } from './invoice.type';
import { visibleCustomer } from './visible-customer';

@Resolver(() => InvoiceType)
export class InvoiceFields {
  @FieldResolver(() => CustomerType)
  customer(@Root() i: InvoiceType, @Ctx() ctx: Context) {
    return visibleCustomer(i.customerId, ctx);
  }

  @FieldResolver(() => OrderType)
  async order(@Root() i: InvoiceType, @Ctx() ctx: Context) {
    const o = await ctx.loaders.orders.order.load(i.orderId);
    if (!o) throw new Error(`invoice ${i.id} reached without access to its order`);
    return o;
  }
}
