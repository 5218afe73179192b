import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
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

export const InvoiceConnection = ConnectionType(InvoiceType, 'Invoice');
