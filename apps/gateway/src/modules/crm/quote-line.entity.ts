import { Check, Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money, rate } from '../../db/decimal.type';
import type { Product } from '../catalog/product.entity';
import type { Quote } from './quote.entity';

/** A quote line, priced like an order line at quote time (the catalog price and tax rate of that moment). */
@Entity({ tableName: 'quote_lines' })
@Check({ name: 'quote_lines_quantity', expression: 'quantity > 0' })
export class QuoteLine {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Quote', { ref: true, index: true }) quote!: Ref<Quote>;
  @Property({ type: 'integer' }) lineNo!: number;
  @ManyToOne('Product', { ref: true, index: true }) product!: Ref<Product>;
  @Property({ type: 'integer' }) quantity!: number;
  @Property({ type: money() }) unitPrice!: string;
  @Property({ type: rate() }) discountPercent!: string;
  @Property({ type: rate() }) taxRate!: string;
  @Property({ type: money() }) lineNet!: string;
  @Property({ type: money() }) taxAmount!: string;
}
