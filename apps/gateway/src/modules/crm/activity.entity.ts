import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Contact } from '../customers/contact.entity';
import type { Customer } from '../customers/customer.entity';

// Read by Customer360 now; its write mutations come with the CRM operations.

export enum ActivityKind {
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
  NOTE = 'NOTE',
  TASK = 'TASK',
}

@Entity({ tableName: 'activities' })
@Index({ properties: ['customer', 'occurredAt'] })
export class Activity {
  [OptionalProps]?: 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Customer', { ref: true, index: true }) customer!: Ref<Customer>;
  @ManyToOne('Contact', { ref: true, nullable: true, index: true }) contact?: Ref<Contact> | null;
  @Enum({ items: () => ActivityKind, nativeEnumName: 'activity_kind' }) kind!: ActivityKind;
  @Property({ type: 'string', length: 300 }) subject!: string;
  @Property({ type: 'timestamptz' }) occurredAt!: Date;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
