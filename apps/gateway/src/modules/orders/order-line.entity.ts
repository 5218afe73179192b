import { Check, Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money, rate } from '../../db/decimal.type';
import type { Product } from '../catalog/product.entity';
import type { Order } from './order.entity';

@Entity({ tableName: 'order_lines' })
@Check({ name: 'order_lines_quantities', expression: 'quantity > 0 and shipped_quantity between 0 and quantity and invoiced_quantity between 0 and shipped_quantity' })
export class OrderLine {
  [OptionalProps]?: 'shippedQuantity' | 'invoicedQuantity';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Order', { ref: true, index: true })
  order!: Ref<Order>;

  @Property({ type: 'integer' })
  lineNo!: number;

  @ManyToOne('Product', { ref: true, index: true })
  product!: Ref<Product>;

  @Property({ type: 'integer' })
  quantity!: number;

  @Property({ type: money() })
  unitPrice!: string;

  @Property({ type: rate() })
  discountPercent!: string;

  @Property({ type: rate() })
  taxRate!: string;

  /** round(quantity × unitPrice × (1 − discount/100), 2) */
  @Property({ type: money() })
  lineNet!: string;

  @Property({ type: money() })
  taxAmount!: string;

  @Property({ type: 'integer' })
  shippedQuantity: number = 0;

  @Property({ type: 'integer' })
  invoicedQuantity: number = 0;
}
