import { Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money } from '../../db/decimal.type';
import { User } from '../users/user.entity';
import { Contact } from './contact.entity';

@Entity({ tableName: 'customers' })
// The onHold filter reads the few held customers through a partial index.
@Index({ name: 'customers_on_hold_partial', expression: 'create index "customers_on_hold_partial" on "customers" ("name", "id") where "on_hold"' })
@Index({ properties: ['name', 'id'] })
// Search is a case-insensitive substring match; a trigram index serves it.
@Index({ name: 'customers_name_trgm', expression: 'create index "customers_name_trgm" on "customers" using gin (lower("name") gin_trgm_ops)' })
export class Customer {
  [OptionalProps]?: 'createdAt' | 'onHold' | 'paymentTermsDays' | 'creditLimit';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 320, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 50, nullable: true })
  phone?: string | null;

  @Property({ type: 'integer' })
  paymentTermsDays: number = 30;

  /** The sales rep who owns the customer; reps see only their own. */
  @ManyToOne(() => User, { ref: true, index: true })
  owner!: Ref<User>;

  /** null = no limit; "0.00" = nothing on credit. */
  @Property({ type: money(), nullable: true })
  creditLimit: string | null = null;

  @Property({ type: 'boolean' })
  onHold: boolean = false;

  @Property({ type: 'text', nullable: true })
  holdReason?: string | null;

  @OneToMany(() => Contact, (c) => c.customer)
  contacts = new Collection<Contact>(this);

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
