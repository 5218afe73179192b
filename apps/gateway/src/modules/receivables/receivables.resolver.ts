import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { assertMayReadCommercial, requireViewer } from '../../auth/policy';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { DateScalar } from '../../graphql/scalars';
import type { Payment } from './payment.entity';
import { ReceivablesAgingType } from './aging.type';
import { InvoiceStatus } from './invoice.entity';
import { InvoiceConnection, InvoiceType } from './invoice.type';
import { PaymentConnection, PaymentType, RecordPaymentInput } from './payment.type';

export const paymentOf = (p: Payment): PaymentType => ({
  id: p.id,
  amount: p.amount,
  receivedOn: p.receivedOn,
  reference: p.reference ?? null,
  unappliedAmount: p.unappliedAmount,
  customerId: p.customer.id,
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

  @Query(() => InvoiceConnection, { nullable: true, description: 'Invoices the viewer may read, newest issued first (issueDate, then number). null (FORBIDDEN) for WAREHOUSE and SUPPORT.' })
  invoices(
    @Arg('first', () => Int, { description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Arg('customerId', () => ID, { nullable: true, description: "Only this customer's invoices; a customer the viewer may not read matches none." }) customerId: string | null,
    @Arg('status', () => [InvoiceStatus], { nullable: true, description: 'Only invoices in one of these statuses; omitted or empty: any.' }) status: InvoiceStatus[] | null,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Only invoices issued on or after this day.' }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Only invoices issued on or before this day.' }) to: string | null,
    @Arg('dueFrom', () => DateScalar, { nullable: true, description: 'Only invoices due on or after this day.' }) dueFrom: string | null,
    @Arg('dueTo', () => DateScalar, { nullable: true, description: 'Only invoices due on or before this day.' }) dueTo: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.receivablesQueries.invoices(ctx.em, ctx.viewer, { first, after, customerId, status, from, to, dueFrom, dueTo });
  }

  @Query(() => PaymentConnection, { nullable: true, description: 'Payments the viewer may read, newest received first (receivedOn, then id). null (FORBIDDEN) for WAREHOUSE and SUPPORT.' })
  payments(
    @Arg('first', () => Int, { description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Arg('customerId', () => ID, { nullable: true, description: "Only this customer's payments; a customer the viewer may not read matches none." }) customerId: string | null,
    @Arg('from', () => DateScalar, { nullable: true, description: 'Only payments received on or after this day.' }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Only payments received on or before this day.' }) to: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.receivablesQueries.payments(ctx.em, ctx.viewer, { first, after, customerId, from, to });
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
