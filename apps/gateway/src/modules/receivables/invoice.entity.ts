import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money } from '../../db/decimal.type';
import type { Customer } from '../customers/customer.entity';
import type { Order } from '../orders/order.entity';
import type { OrderLine } from '../orders/order-line.entity';

export enum InvoiceStatus {
  OPEN = 'OPEN',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
}

@Entity({ tableName: 'invoices' })
@Index({ properties: ['customer', 'status', 'dueDate'] })
// The invoices list pages newest issued first by (issueDate, number).
@Index({ properties: ['issueDate', 'number'] })
@Check({ name: 'invoices_paid_within_total', expression: 'amount_paid >= 0 and amount_paid <= total' })
export class Invoice {
  [OptionalProps]?: 'createdAt' | 'status' | 'amountPaid';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 20, unique: true })
  number!: string;

  @ManyToOne('Customer', { ref: true, index: true })
  customer!: Ref<Customer>;

  @ManyToOne('Order', { ref: true, index: true })
  order!: Ref<Order>;

  @Enum({ items: () => InvoiceStatus, nativeEnumName: 'invoice_status' })
  status: InvoiceStatus = InvoiceStatus.OPEN;

  @Index()
  @Property({ columnType: 'date', type: 'string' })
  issueDate!: string;

  @Index()
  @Property({ columnType: 'date', type: 'string' })
  dueDate!: string;

  @Property({ type: money() })
  subtotal!: string;

  @Property({ type: money() })
  taxTotal!: string;

  @Property({ type: money() })
  total!: string;

  @Property({ type: money() })
  amountPaid: string = '0.00';

  @OneToMany('InvoiceLine', 'invoice')
  lines = new Collection<InvoiceLine>(this);

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'invoice_lines' })
export class InvoiceLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Invoice', { ref: true, index: true })
  invoice!: Ref<Invoice>;

  @ManyToOne('OrderLine', { ref: true, index: true })
  orderLine!: Ref<OrderLine>;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: money() })
  lineNet!: string;

  @Property({ type: money() })
  taxAmount!: string;
}
