import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/scalars';
import { OrderStatus } from './order.entity';

registerEnumType(OrderStatus, { name: 'OrderStatus' });

@ObjectType('Order')
export class OrderType {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => OrderStatus) status!: OrderStatus;
  @Field(() => DateScalar) orderDate!: string;
  @Field(() => DecimalScalar) subtotal!: string;
  @Field(() => DecimalScalar) taxTotal!: string;
  @Field(() => DecimalScalar) total!: string;
  customerId!: string;
}

@ObjectType('OrderLine')
export class OrderLineType {
  @Field(() => ID) id!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int) shippedQuantity!: number;
  @Field(() => Int) invoicedQuantity!: number;
  @Field(() => DecimalScalar) unitPrice!: string;
  @Field(() => DecimalScalar) discountPercent!: string;
  @Field(() => DecimalScalar, { description: 'The line net: round(quantity × unitPrice × (1 − discount/100), 2).' }) lineTotal!: string;
  @Field(() => DecimalScalar) taxAmount!: string;
  productId!: string;
  orderId!: string;
}

@ObjectType('ShipmentLine')
export class ShipmentLineType {
  @Field(() => Int) quantity!: number;
  productId!: string;
}

@ObjectType('Shipment')
export class ShipmentType {
  @Field(() => ID) id!: string;
  @Field(() => DateTimeScalar) shippedAt!: Date;
  @Field(() => [ShipmentLineType]) lines!: ShipmentLineType[];
}

@InputType()
export class OrderLineInput {
  @Field(() => ID) productId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => DecimalScalar, { nullable: true, description: 'Defaults to the product price.' }) unitPrice?: string | null;
  @Field(() => DecimalScalar, { nullable: true, defaultValue: '0' }) discountPercent?: string | null;
}

@InputType()
export class CreateOrderInput {
  @Field(() => ID) customerId!: string;
  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today (UTC).' }) orderDate?: string | null;
  @Field(() => [OrderLineInput]) lines!: OrderLineInput[];
}

@InputType()
export class ShipLineInput {
  @Field(() => ID) productId!: string;
  @Field(() => Int) quantity!: number;
}

export const OrderConnection = ConnectionType(OrderType, 'Order');
