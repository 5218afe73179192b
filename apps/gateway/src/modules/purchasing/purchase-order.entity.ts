import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money } from '../../db/decimal.type';
import type { Product } from '../catalog/product.entity';
import type { User } from '../users/user.entity';
import type { Supplier } from './supplier.entity';

export enum PurchaseOrderStatus {
  OPEN = 'OPEN',
  PARTIALLY_RECEIVED = 'PARTIALLY_RECEIVED',
  RECEIVED = 'RECEIVED',
}

/** An order to a supplier at unit cost; received whole or by line, billed against what was received. */
@Entity({ tableName: 'purchase_orders' })
@Index({ properties: ['createdAt'] })
export class PurchaseOrder {
  [OptionalProps]?: 'createdAt' | 'status';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'string', length: 20, unique: true }) number!: string;
  @ManyToOne('Supplier', { ref: true, index: true }) supplier!: Ref<Supplier>;
  @Index() @Enum({ items: () => PurchaseOrderStatus, nativeEnumName: 'purchase_order_status' }) status: PurchaseOrderStatus = PurchaseOrderStatus.OPEN;
  @Property({ type: money() }) total!: string;
  @ManyToOne('User', { ref: true }) createdBy!: Ref<User>;
  @OneToMany(() => PurchaseOrderLine, (l) => l.purchaseOrder, { orderBy: { lineNo: 'asc' } }) lines = new Collection<PurchaseOrderLine>(this);
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}

@Entity({ tableName: 'purchase_order_lines' })
@Check({ name: 'po_lines_received_within_ordered', expression: 'quantity > 0 and received_quantity between 0 and quantity and billed_quantity between 0 and received_quantity' })
export class PurchaseOrderLine {
  [OptionalProps]?: 'receivedQuantity' | 'billedQuantity';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('PurchaseOrder', { ref: true, index: true }) purchaseOrder!: Ref<PurchaseOrder>;
  @Property({ type: 'integer' }) lineNo!: number;
  @ManyToOne('Product', { ref: true, index: true }) product!: Ref<Product>;
  @Property({ type: 'integer' }) quantity!: number;
  @Property({ type: money() }) unitCost!: string;
  @Property({ type: money() }) lineTotal!: string;
  @Property({ type: 'integer' }) receivedQuantity: number = 0;
  @Property({ type: 'integer' }) billedQuantity: number = 0;
}
