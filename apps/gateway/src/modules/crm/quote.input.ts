import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';

@InputType({ description: 'A quote line: a catalog product and quantity, priced at quote time.' })
export class QuoteLineInput {
  @Field(() => ID, { description: 'The product.' }) productId!: string;
  @Field(() => Int, { description: 'How many (at least 1).' }) quantity!: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'Defaults to the list price; a lower price needs approval.' }) unitPrice?: string | null;
  @Field(() => DecimalScalar, { nullable: true, defaultValue: '0', description: 'Percent off (0–100); over the rep’s limit (15) the quote waits for approval.' }) discountPercent?: string | null;
}

@InputType({ description: 'A new quote for a customer the viewer may write.' })
export class CreateQuoteInput {
  @Field(() => ID, { description: 'The customer.' }) customerId!: string;
  @Field(() => ID, { nullable: true, description: 'The deal it belongs to (of the same customer).' }) opportunityId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day it may be accepted (default: 30 days from today; not in the past).' }) validUntil?: string | null;
  @Field(() => [QuoteLineInput], { description: 'At least one line, at most 500.' }) lines!: QuoteLineInput[];
}
