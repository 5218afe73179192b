import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { assertMayReadCommercial, requireViewer } from '../../auth/policy';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { DateScalar } from '../../graphql/scalars';
import type { Payment } from './payment.entity';
import { ReceivablesAgingType } from './aging.type';
import { InvoiceType } from './invoice.type';
import { PaymentType, RecordPaymentInput } from './payment.type';

export const paymentOf = (p: Payment): PaymentType => ({
  id: p.id, amount: p.amount, receivedOn: p.receivedOn, reference: p.reference ?? null, unappliedAmount: p.unappliedAmount, customerId: p.customer.id,
  allocations: p.allocations.getItems().map((a) => ({ invoiceId: a.invoice.id, amount: a.amount })),
});

const PaymentPayload = PayloadType(PaymentType, 'payment', 'PaymentPayload');

@Resolver()
export class ReceivablesResolver {
  @Query(() => InvoiceType, { nullable: true, description: 'null when it does not exist or the viewer may not read it.' })
  invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    assertMayReadCommercial(requireViewer(ctx.viewer), 'invoices');
    return ctx.loaders.invoices.invoice.load(id);
  }

  @Query(() => ReceivablesAgingType, { nullable: true, description: 'Open balances by days past due as of a date (default today, UTC). null (FORBIDDEN) for SUPPORT and WAREHOUSE.' })
  receivablesAging(@Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null, @Ctx() ctx: Context) {
    return ctx.services.aging.receivablesAging(ctx.em, ctx.viewer, asOf);
  }

  @Mutation(() => PaymentPayload, { description: 'FINANCE or ADMIN. Applies to the listed invoices, or oldest due first.' })
  async recordPayment(@Arg('input', () => RecordPaymentInput) input: RecordPaymentInput, @Ctx() ctx: Context) {
    return toPayload('payment', await ctx.services.payments.recordPayment(ctx.em, ctx.viewer, input), paymentOf);
  }
}
