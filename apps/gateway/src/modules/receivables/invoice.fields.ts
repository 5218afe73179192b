import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CustomerType } from '../customers/customer.type';
import { OrderType } from '../orders/order.type';
import { InvoiceType, PaymentAllocationType, PaymentType, AgingRowType } from './invoice.type';

async function visibleCustomer(customerId: string, ctx: Context) {
  const c = await ctx.loaders.customers.customer.load(customerId);
  if (!c) throw new Error(`customer ${customerId} reached without access`);
  return c;
}

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

@Resolver(() => PaymentType)
export class PaymentFields {
  @FieldResolver(() => CustomerType)
  customer(@Root() p: PaymentType, @Ctx() ctx: Context) {
    return visibleCustomer(p.customerId, ctx);
  }
}

@Resolver(() => PaymentAllocationType)
export class PaymentAllocationFields {
  @FieldResolver(() => InvoiceType)
  async invoice(@Root() a: PaymentAllocationType, @Ctx() ctx: Context) {
    const i = await ctx.loaders.invoices.invoice.load(a.invoiceId);
    if (!i) throw new Error(`invoice ${a.invoiceId} reached without access`);
    return i;
  }
}

@Resolver(() => AgingRowType)
export class AgingRowFields {
  @FieldResolver(() => CustomerType)
  customer(@Root() r: AgingRowType, @Ctx() ctx: Context) {
    return visibleCustomer(r.customerId, ctx);
  }
}
