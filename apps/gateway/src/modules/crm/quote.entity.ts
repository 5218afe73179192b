import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money } from '../../db/decimal.type';
import type { Customer } from '../customers/customer.entity';
import type { Order } from '../orders/order.entity';
import type { User } from '../users/user.entity';
import type { Opportunity } from './opportunity.entity';
import { QuoteLine } from './quote-line.entity';

export enum QuoteStatus {
  DRAFT = 'DRAFT',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  APPROVED = 'APPROVED',
  SENT = 'SENT',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  REJECTED = 'REJECTED',
}

/** A priced offer to a customer; accepting it creates its order, once (`order`). */
@Entity({ tableName: 'quotes' })
@Index({ properties: ['customer', 'createdAt'] })
@Index({ properties: ['status', 'validUntil'] })
export class Quote {
  [OptionalProps]?: 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'string', length: 20, unique: true }) number!: string;
  @ManyToOne('Customer', { ref: true }) customer!: Ref<Customer>;
  @ManyToOne('Opportunity', { ref: true, nullable: true, index: true }) opportunity?: Ref<Opportunity> | null;
  @ManyToOne('User', { ref: true, index: true }) createdBy!: Ref<User>;
  @Enum({ items: () => QuoteStatus, nativeEnumName: 'quote_status' }) status!: QuoteStatus;
  @Property({ columnType: 'date', type: 'string' }) validUntil!: string;
  @Property({ type: 'boolean' }) requiresApproval!: boolean;
  @Property({ type: money() }) subtotal!: string;
  @Property({ type: money() }) taxTotal!: string;
  @Property({ type: money() }) total!: string;
  @ManyToOne('User', { ref: true, nullable: true }) approvedBy?: Ref<User> | null;
  @ManyToOne('Order', { ref: true, nullable: true, unique: true }) order?: Ref<Order> | null;
  @OneToMany(() => QuoteLine, (l) => l.quote, { orderBy: { lineNo: 'asc' } }) lines = new Collection<QuoteLine>(this);
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
