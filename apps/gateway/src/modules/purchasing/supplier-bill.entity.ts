import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money } from '../../db/decimal.type';
import type { PurchaseOrder } from './purchase-order.entity';
import type { Supplier } from './supplier.entity';

export enum SupplierBillStatus {
  OPEN = 'OPEN',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
}

/** What a supplier asks to be paid, against a purchase order (for what was received) or standalone. */
@Entity({ tableName: 'supplier_bills' })
@Index({ properties: ['supplier', 'dueDate'] })
@Check({ name: 'supplier_bills_paid_within_total', expression: 'amount_paid >= 0 and amount_paid <= total' })
export class SupplierBill {
  [OptionalProps]?: 'createdAt' | 'status' | 'amountPaid';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'string', length: 20, unique: true }) number!: string;
  @ManyToOne('Supplier', { ref: true }) supplier!: Ref<Supplier>;
  @ManyToOne('PurchaseOrder', { ref: true, nullable: true, index: true }) purchaseOrder?: Ref<PurchaseOrder> | null;
  @Property({ type: 'string', length: 100, nullable: true }) supplierReference?: string | null;
  @Property({ columnType: 'date', type: 'string' }) billDate!: string;
  @Property({ columnType: 'date', type: 'string' }) dueDate!: string;
  @Property({ type: money() }) total!: string;
  @Property({ type: money() }) amountPaid: string = '0.00';
  @Index() @Enum({ items: () => SupplierBillStatus, nativeEnumName: 'supplier_bill_status' }) status: SupplierBillStatus = SupplierBillStatus.OPEN;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}

/** One payment of a bill. */
@Entity({ tableName: 'supplier_payments' })
export class SupplierPayment {
  [OptionalProps]?: 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('SupplierBill', { ref: true, index: true }) bill!: Ref<SupplierBill>;
  @Property({ type: money() }) amount!: string;
  @Property({ columnType: 'date', type: 'string' }) paidOn!: string;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
