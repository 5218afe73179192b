import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { InvoiceStatus } from './invoice.entity';

registerEnumType(InvoiceStatus, { name: 'InvoiceStatus' });

@ObjectType('Invoice')
export class InvoiceType {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => InvoiceStatus) status!: InvoiceStatus;
  @Field(() => DateScalar) issueDate!: string;
  @Field(() => DateScalar) dueDate!: string;
  @Field(() => DecimalScalar) subtotal!: string;
  @Field(() => DecimalScalar) taxTotal!: string;
  @Field(() => DecimalScalar) total!: string;
  @Field(() => DecimalScalar) amountPaid!: string;
  @Field(() => DecimalScalar) balanceDue!: string;
  @Field(() => Boolean, { description: 'balanceDue > 0 and dueDate before today (UTC).' }) overdue!: boolean;
  @Field(() => Int, { description: 'Days since dueDate; 0 when not overdue.' }) daysOverdue!: number;
  customerId!: string;
  orderId!: string;
}

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

@ObjectType('AgingBuckets')
export class AgingBucketsType {
  @Field(() => DecimalScalar) notDue!: string;
  @Field(() => DecimalScalar) days1To30!: string;
  @Field(() => DecimalScalar) days31To60!: string;
  @Field(() => DecimalScalar) days61To90!: string;
  @Field(() => DecimalScalar) over90!: string;
  @Field(() => DecimalScalar) total!: string;
}

@ObjectType('AgingRow')
export class AgingRowType extends AgingBucketsType {
  customerId!: string;
}

@ObjectType('ReceivablesAging')
export class ReceivablesAgingType {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => AgingBucketsType) total!: AgingBucketsType;
  @Field(() => [AgingRowType]) customers!: AgingRowType[];
}

export const InvoiceConnection = ConnectionType(InvoiceType, 'Invoice');
