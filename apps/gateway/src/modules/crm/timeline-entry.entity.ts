import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Customer } from '../customers/customer.entity';
import type { User } from '../users/user.entity';

/**
 * One line of a customer's history, written by the timeline consumer in the
 * same transaction as the change it tells of (never rebuilt from current state).
 * `readers` says who of the customer's readers may see it (domain TimelineReaders).
 */
@Entity({ tableName: 'timeline_entries' })
@Index({ properties: ['customer', 'occurredAt', 'id'] })
export class TimelineEntry {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Customer', { ref: true }) customer!: Ref<Customer>;
  @Property({ type: 'string', length: 40 }) kind!: string;
  @Property({ type: 'string', length: 20 }) readers!: string;
  @Property({ type: 'text' }) summary!: string;
  @ManyToOne('User', { ref: true, nullable: true }) actor?: Ref<User> | null;
  @Property({ type: 'timestamptz' }) occurredAt!: Date;
  @Property({ type: 'timestamptz' }) recordedAt: Date = new Date();
}
