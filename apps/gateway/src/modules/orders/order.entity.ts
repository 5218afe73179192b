import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money } from '../../db/decimal.type';
import type { Customer } from '../customers/customer.entity';
import type { User } from '../users/user.entity';
import { OrderLine } from './order-line.entity';

export enum OrderStatus {
  DRAFT = 'DRAFT',
  CONFIRMED = 'CONFIRMED',
  PARTIALLY_SHIPPED = 'PARTIALLY_SHIPPED',
  SHIPPED = 'SHIPPED',
  INVOICED = 'INVOICED',
  CANCELLED = 'CANCELLED',
}

@Entity({ tableName: 'orders' })
@Index({ properties: ['customer', 'orderDate'] })
// The orders list pages newest first by (orderDate, number).
@Index({ properties: ['orderDate', 'number'] })
export class Order {
  [OptionalProps]?: 'createdAt' | 'status';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 20, unique: true })
  number!: string;

  @ManyToOne('Customer', { ref: true, index: true })
  customer!: Ref<Customer>;

  @Index()
  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status' })
  status: OrderStatus = OrderStatus.DRAFT;

  @Property({ columnType: 'date', type: 'string' })
  orderDate!: string;

  @Property({ type: money() })
  subtotal!: string;

  @Property({ type: money() })
  taxTotal!: string;

  @Property({ type: money() })
  total!: string;

  @ManyToOne('User', { ref: true, index: true })
  createdBy!: Ref<User>;

  @Property({ type: 'text', nullable: true })
  cancelReason?: string | null;

  @OneToMany(() => OrderLine, (l) => l.order, { orderBy: { lineNo: 'asc' } })
  lines = new Collection<OrderLine>(this);

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
