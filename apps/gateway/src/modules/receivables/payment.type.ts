import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
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
  /** Present when the payment was just written; otherwise the `allocations` field resolver loads them. */
  allocations?: PaymentAllocationType[];
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

export const PaymentConnection = ConnectionType(PaymentType, 'Payment');
