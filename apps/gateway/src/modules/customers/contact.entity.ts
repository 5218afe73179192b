import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Customer } from './customer.entity';

@Entity({ tableName: 'contacts' })
@Index({ properties: ['lastName', 'firstName', 'id'] })
@Index({
  name: 'contacts_search_trgm',
  expression: `create index "contacts_search_trgm" on "contacts" using gin (lower("first_name" || ' ' || "last_name" || ' ' || coalesce("email", '')) gin_trgm_ops)`,
})
export class Contact {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Customer', { ref: true, index: true })
  customer!: Ref<Customer>;

  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Property({ type: 'string', length: 100 })
  lastName!: string;

  @Property({ type: 'string', length: 320, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  phone?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  title?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
