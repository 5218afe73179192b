import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DateTimeScalar } from '../../graphql/scalars';
import { AlertKind, AlertSeverity } from './alert.entity';
import type { AlertRow } from './alert.rows';

registerEnumType(AlertKind, { name: 'AlertKind' });
registerEnumType(AlertSeverity, { name: 'AlertSeverity' });

@ObjectType('Alert')
export class AlertType {
  @Field(() => ID, { description: 'Grows with every alert; pass it as `after` to resume a stream.' }) id!: string;
  @Field(() => AlertKind) kind!: AlertKind;
  @Field(() => AlertSeverity) severity!: AlertSeverity;
  @Field(() => String) message!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) acknowledgedAt!: Date | null;
  customerId!: string | null;
  orderId!: string | null;
  invoiceId!: string | null;
  productId!: string | null;
  /** What the alert names, when it was read with it (streams): served without a query per subscriber. */
  subjects?: Pick<AlertRow, 'customer' | 'order' | 'invoice' | 'product'>;
}

export const AlertConnection = ConnectionType(AlertType, 'Alert');

@ObjectType('AlertKindCount', { description: 'How many alerts of one kind the viewer may see.' })
export class AlertKindCountType {
  @Field(() => AlertKind, { description: 'The kind of alert.' }) kind!: AlertKind;
  @Field(() => Int, { description: 'How many of that kind, under the filter asked for.' }) count!: number;
}
