import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { UserError } from '../../graphql/user-error.type';
import { ProductType } from '../catalog/product.type';
import { CreditCheckType, CustomerType } from '../customers/customer.type';
import { orderOf } from '../orders/order-view';
import { OrderType } from '../orders/order.type';
import { OpportunityType, QuoteConnection, QuoteLineType, QuoteType } from './crm.type';
import { QuoteStatus } from './quote.entity';
import { CreateQuoteInput } from './quote.input';
import { quoteOf } from './quote.rows';

const QuotePayload = PayloadType(QuoteType, 'quote', 'QuotePayload');

@ObjectType('AcceptQuotePayload', { description: 'The accepted quote and the DRAFT order it became; both null with userErrors on a refusal.' })
class AcceptQuotePayload {
  @Field(() => QuoteType, { nullable: true, description: 'The quote, now ACCEPTED.' }) quote!: QuoteType | null;
  @Field(() => OrderType, { nullable: true, description: 'The new DRAFT order: same lines, same total. Confirming it checks credit and stock.' }) order!: OrderType | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

/** Quotes over the API (CPQ). Thin: the services decide. */
@Resolver(() => QuoteType)
export class QuoteResolver {
  @Query(() => QuoteConnection, { nullable: true, description: 'Quotes the viewer may see, newest first (a rep: its customers’). FORBIDDEN for SUPPORT and WAREHOUSE.' })
  quotes(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => [QuoteStatus], { nullable: true, description: 'Only quotes in these statuses (as of today).' }) status: QuoteStatus[] | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.quoteQueries.quotes(ctx.em, ctx.viewer, { first, after, status });
  }

  @Query(() => QuoteType, { nullable: true, description: 'One quote; null when there is none or its customer is not one the viewer may read.' })
  quote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.quoteQueries.quote(ctx.em, ctx.viewer, id);
  }

  @Mutation(() => QuotePayload, { description: 'Prices a quote from the catalog like an order; over the rep’s discount limit it waits in PENDING_APPROVAL, otherwise it is APPROVED.' })
  async createQuote(@Arg('input', () => CreateQuoteInput) input: CreateQuoteInput, @Ctx() ctx: Context) {
    return toPayload('quote', await ctx.services.quotes.create(ctx.em, ctx.viewer, input), quoteOf);
  }

  @Mutation(() => QuotePayload, { description: 'Approves a pending quote (SALES_MANAGER, ADMIN).' })
  async approveQuote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return toPayload('quote', await ctx.services.quotes.approve(ctx.em, ctx.viewer, id), quoteOf);
  }

  @Mutation(() => QuotePayload, { description: 'Marks an approved, unexpired quote as sent to the customer.' })
  async sendQuote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return toPayload('quote', await ctx.services.quotes.send(ctx.em, ctx.viewer, id), quoteOf);
  }

  @Mutation(() => AcceptQuotePayload, { description: 'Accepts an approved or sent, unexpired quote once: it becomes a DRAFT order with the same lines and total.' })
  async acceptQuote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<AcceptQuotePayload> {
    const r = await ctx.services.quotes.accept(ctx.em, ctx.viewer, id);
    return r.ok ? { quote: quoteOf(r.value.quote), order: orderOf(r.value.order), userErrors: [] } : { quote: null, order: null, userErrors: r.userErrors };
  }

  @FieldResolver(() => CustomerType, { description: 'The customer the quote is for.' })
  customer(@Root() q: QuoteType, @Ctx() ctx: Context) {
    return ctx.loaders.customers.customer.load(q.customerId);
  }

  @FieldResolver(() => OpportunityType, { nullable: true, description: 'The deal it belongs to.' })
  opportunity(@Root() q: QuoteType, @Ctx() ctx: Context) {
    return q.opportunityId ? ctx.loaders.crm.opportunity.load(q.opportunityId) : null;
  }

  @FieldResolver(() => [QuoteLineType], { description: 'Its lines, in order.' })
  lines(@Root() q: QuoteType, @Ctx() ctx: Context) {
    return ctx.loaders.crm.quoteLinesByQuote.load(q.id);
  }

  @FieldResolver(() => CreditCheckType, {
    nullable: true,
    description: 'Would an order for this total pass credit today? The same check confirmOrder makes, at the moment of reading (a rep sees a refusal coming before sending).',
  })
  creditCheck(@Root() q: QuoteType, @Ctx() ctx: Context) {
    return ctx.services.credit.creditCheck(ctx.em, ctx.viewer, q.customerId, q.total);
  }
}

/** A quote line's product, from the catalog (its stock of the moment included). */
@Resolver(() => QuoteLineType)
export class QuoteLineFields {
  @FieldResolver(() => ProductType, { description: 'The product quoted.' })
  async product(@Root() l: QuoteLineType, @Ctx() ctx: Context) {
    const p = await ctx.loaders.products.product.load(l.productId);
    if (!p) throw new Error(`product ${l.productId} missing`);
    return p;
  }
}
