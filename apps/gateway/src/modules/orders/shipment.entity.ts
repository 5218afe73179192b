import { Collection, Entity, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Order } from './order.entity';
import type { OrderLine } from './order-line.entity';
import type { Product } from '../catalog/product.entity';

@Entity({ tableName: 'shipments' })
export class Shipment {
  [OptionalProps]?: 'shippedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Order', { ref: true, index: true })
  order!: Ref<Order>;

  @Property({ type: 'timestamptz' })
  shippedAt: Date = new Date();

  @OneToMany('ShipmentLine', 'shipment')
  lines = new Collection<ShipmentLine>(this);
}

@Entity({ tableName: 'shipment_lines' })
export class ShipmentLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Shipment', { ref: true, index: true })
  shipment!: Ref<Shipment>;

  @ManyToOne('OrderLine', { ref: true, index: true })
  orderLine!: Ref<OrderLine>;

  @ManyToOne('Product', { ref: true, index: true })
  product!: Ref<Product>;

  @Property({ type: 'integer' })
  quantity!: number;
}
