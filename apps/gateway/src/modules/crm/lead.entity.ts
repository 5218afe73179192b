import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Customer } from '../customers/customer.entity';
import type { User } from '../users/user.entity';
import type { Campaign } from './campaign.entity';

export enum LeadStatus {
  NEW = 'NEW',
  CONTACTED = 'CONTACTED',
  QUALIFIED = 'QUALIFIED',
  CONVERTED = 'CONVERTED',
  DISQUALIFIED = 'DISQUALIFIED',
}

/** A prospect before it is a customer. Conversion keeps it, with the customer it became and when, so its campaign stays countable. */
@Entity({ tableName: 'leads' })
@Index({ properties: ['owner', 'createdAt'] })
export class Lead {
  [OptionalProps]?: 'createdAt' | 'status';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'string', length: 200 }) name!: string;
  @Property({ type: 'string', length: 200, nullable: true }) company?: string | null;
  @Property({ type: 'string', length: 320, nullable: true }) email?: string | null;
  @Property({ type: 'string', length: 50, nullable: true }) phone?: string | null;
  @Property({ type: 'string', length: 60, nullable: true }) source?: string | null;
  @Index() @Enum({ items: () => LeadStatus, nativeEnumName: 'lead_status' }) status: LeadStatus = LeadStatus.NEW;
  @ManyToOne('User', { ref: true }) owner!: Ref<User>;
  @ManyToOne('Campaign', { ref: true, nullable: true, index: true }) campaign?: Ref<Campaign> | null;
  @ManyToOne('Customer', { ref: true, nullable: true, index: true }) convertedCustomer?: Ref<Customer> | null;
  @Property({ type: 'timestamptz', nullable: true }) convertedAt?: Date | null;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
