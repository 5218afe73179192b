import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';

@ObjectType('PaymentAllocation')
export class PaymentAllocationType {
  @Field(() => DecimalScalar) amount!: string;
  invoiceId!: string;
}

@ObjectType('Payment')
export class PaymentType {
  @Field(() => ID) id!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => DateScalar) receivedOn!: string;
  @Field(() => String, { nullable: true }) reference!: string | null;
  @Field(() => DecimalScalar) unappliedAmount!: string;
  @Field(() => [PaymentAllocationType]) allocations!: PaymentAllocationType[];
  customerId!: string;
}

@InputType()
export class PaymentAllocationInput {
  @Field(() => ID) invoiceId!: string;
  @Field(() => DecimalScalar) amount!: string;
}

@InputType()
export class RecordPaymentInput {
  @Field(() => ID) customerId!: string;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today (UTC).' }) receivedOn?: string | null;
  @Field(() => String, { nullable: true }) reference?: string | null;
  @Field(() => [PaymentAllocationInput], { nullable: true, description: 'Without it, the oldest due invoices are paid first.' })
  allocations?: PaymentAllocationInput[] | null;
}
