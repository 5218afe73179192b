import { IsEmail, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';

@InputType({ description: 'A new supplier.' })
export class CreateSupplierInput {
  @Field(() => String, { description: 'Its name.' }) @Length(1, 200, { message: 'must be 1 to 200 characters' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Where to send orders.' }) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) email?: string | null;
  @Field(() => Int, { nullable: true, defaultValue: 30, description: 'Days the company has to pay its bills (0–365).' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'must be 0 or more' })
  @Max(365, { message: 'must be at most 365' })
  paymentTermsDays?: number | null;
}

@InputType({ description: 'A purchase order line: a product, how many, at what unit cost.' })
export class PurchaseOrderLineInput {
  @Field(() => ID, { description: 'The product.' }) productId!: string;
  @Field(() => Int, { description: 'How many (at least 1).' }) quantity!: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'Cost per unit (default: the product’s unit cost).' }) unitCost?: string | null;
}

@InputType({ description: 'A new purchase order to a supplier.' })
export class CreatePurchaseOrderInput {
  @Field(() => ID, { description: 'The supplier.' }) supplierId!: string;
  @Field(() => [PurchaseOrderLineInput], { description: 'At least one line, at most 500.' }) lines!: PurchaseOrderLineInput[];
}

@InputType({ description: 'How many of a product to receive, or bill, on a purchase order.' })
export class PurchaseQuantityInput {
  @Field(() => ID, { description: 'A product on the purchase order.' }) productId!: string;
  @Field(() => Int, { description: 'How many (at least 1).' }) quantity!: number;
}

@InputType({ description: 'A supplier bill: against a purchase order (for quantities received) or standalone (an amount).' })
export class RecordSupplierBillInput {
  @Field(() => ID, { description: 'The supplier.' }) supplierId!: string;
  @Field(() => ID, { nullable: true, description: 'The purchase order it bills; its lines are billed at their unit cost.' }) purchaseOrderId?: string | null;
  @Field(() => [PurchaseQuantityInput], { nullable: true, description: 'With a purchase order: what it bills (default: everything received and not yet billed).' })
  lines?: PurchaseQuantityInput[] | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Without a purchase order: the amount billed.' }) amount?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The bill’s date (default today); it is due after the supplier’s terms.' }) billDate?: string | null;
  @Field(() => String, { nullable: true, description: 'The supplier’s own invoice number.' }) @IsOptional() @Length(1, 100, { message: 'must be 1 to 100 characters' }) supplierReference?:
    string | null;
}

@InputType({ description: 'A payment of a supplier bill.' })
export class PaySupplierBillInput {
  @Field(() => ID, { description: 'The bill.' }) billId!: string;
  @Field(() => DecimalScalar, { description: 'How much (at least 0.01, at most the balance due).' }) amount!: string;
  @Field(() => DateScalar, { nullable: true, description: 'When it was paid (default today).' }) paidOn?: string | null;
}
