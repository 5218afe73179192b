import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { CustomerType } from '../customers/customer.type';
import { InvoiceType } from './invoice.type';
import { PaymentAllocationType, PaymentType } from './payment.type';
import { visibleCustomer } from './visible-customer';

@Resolver(() => PaymentType)
export class PaymentFields {
  @FieldResolver(() => CustomerType)
  customer(@Root() p: PaymentType, @Ctx() ctx: Context) {
    return visibleCustomer(p.customerId, ctx);
  }

  @FieldResolver(() => [PaymentAllocationType], { description: 'What the payment paid on which invoice; the rest is unappliedAmount.' })
  allocations(@Root() p: PaymentType, @Ctx() ctx: Context) {
    return p.allocations ?? ctx.loaders.payments.allocationsByPayment.load(p.id);
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
