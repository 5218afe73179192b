import { Check, Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money, rate } from '../../db/decimal.type';

/** A product and its stock level. `reserved` is what confirmed orders hold. */
@Entity({ tableName: 'products' })
// The lowStock filter (available below the reorder point) is this expression < 0.
@Index({ name: 'products_low_stock', expression: 'create index "products_low_stock" on "products" (("on_hand" - "reserved" - "reorder_point"))' })
@Check({ name: 'products_stock_non_negative', expression: 'on_hand >= 0 and reserved >= 0 and reserved <= on_hand' })
export class Product {
  [OptionalProps]?: 'createdAt' | 'onHand' | 'reserved' | 'reorderPoint' | 'inventoryValue';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  sku!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: money() })
  unitPrice!: string;

  @Property({ type: money() })
  unitCost!: string;

  /** e.g. "0.2000" for 20 %. */
  @Property({ type: rate() })
  taxRate!: string;

  @Property({ type: 'integer' })
  reorderPoint: number = 0;

  @Property({ type: 'integer' })
  onHand: number = 0;

  @Property({ type: 'integer' })
  reserved: number = 0;

  /** What the stock on hand is worth at moving-average cost; kept by the ledger consumer with each posting. */
  @Property({ type: money(), default: 0 })
  inventoryValue: string = '0.00';

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
