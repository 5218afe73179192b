import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { PurchaseOrderStatus } from './purchase-order.entity';
import { SupplierBillStatus } from './supplier-bill.entity';

registerEnumType(PurchaseOrderStatus, {
  name: 'PurchaseOrderStatus',
  description: 'How much of a purchase order has been received.',
  valuesConfig: { OPEN: { description: 'Nothing received yet.' }, PARTIALLY_RECEIVED: { description: 'Some received.' }, RECEIVED: { description: 'Everything received.' } },
});
registerEnumType(SupplierBillStatus, {
  name: 'SupplierBillStatus',
  description: 'How much of a supplier bill has been paid.',
  valuesConfig: { OPEN: { description: 'Nothing paid yet.' }, PARTIALLY_PAID: { description: 'Some paid.' }, PAID: { description: 'Paid in full.' } },
});

@ObjectType('Supplier', { description: 'Who the company buys from.' })
export class SupplierType {
  @Field(() => ID, { description: 'Its stable id.' }) id!: string;
  @Field(() => String, { description: 'Its name.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Where to send orders.' }) email!: string | null;
  @Field(() => Int, { description: 'Days the company has to pay its bills.' }) paymentTermsDays!: number;
}

@ObjectType('PurchaseOrderLine', { description: 'A product ordered at a unit cost, with what was received and billed of it.' })
export class PurchaseOrderLineType {
  @Field(() => ID, { description: 'Its stable id.' }) id!: string;
  @Field(() => Int, { description: 'How many were ordered.' }) quantity!: number;
  @Field(() => DecimalScalar, { description: 'Cost per unit.' }) unitCost!: string;
  @Field(() => DecimalScalar, { description: 'round(quantity × unitCost, 2).' }) lineTotal!: string;
  @Field(() => Int, { description: 'How many have been received.' }) receivedQuantity!: number;
  @Field(() => Int, { description: 'How many have been billed.' }) billedQuantity!: number;
  productId!: string;
  purchaseOrderId!: string;
}

@ObjectType('PurchaseOrder', { description: 'An order to a supplier.' })
export class PurchaseOrderType {
  @Field(() => ID, { description: 'Its stable id.' }) id!: string;
  @Field(() => String, { description: 'Its number, e.g. PO-000012.' }) number!: string;
  @Field(() => PurchaseOrderStatus, { description: 'How much has been received.' }) status!: PurchaseOrderStatus;
  @Field(() => DecimalScalar, { description: 'Σ line totals.' }) total!: string;
  supplierId!: string;
}

@ObjectType('SupplierBill', { description: 'What a supplier asks to be paid.' })
export class SupplierBillType {
  @Field(() => ID, { description: 'Its stable id.' }) id!: string;
  @Field(() => String, { description: 'Its number, e.g. BILL-000007.' }) number!: string;
  @Field(() => String, { nullable: true, description: 'The supplier’s own invoice number.' }) supplierReference!: string | null;
  @Field(() => DateScalar, { description: 'Its date.' }) billDate!: string;
  @Field(() => DateScalar, { description: 'When it must be paid: billDate + the supplier’s terms.' }) dueDate!: string;
  @Field(() => DecimalScalar, { description: 'What it bills.' }) total!: string;
  @Field(() => DecimalScalar, { description: 'What has been paid.' }) amountPaid!: string;
  @Field(() => DecimalScalar, { description: 'total − amountPaid.' }) balanceDue!: string;
  @Field(() => SupplierBillStatus, { description: 'How much has been paid.' }) status!: SupplierBillStatus;
  supplierId!: string;
}

export const SupplierConnection = ConnectionType(SupplierType, 'Supplier');
export const PurchaseOrderConnection = ConnectionType(PurchaseOrderType, 'PurchaseOrder');
