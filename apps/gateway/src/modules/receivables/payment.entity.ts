import { Check, Collection, Entity, Index, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money } from '../../db/decimal.type';
import type { Customer } from '../customers/customer.entity';
import type { Invoice } from './invoice.entity';

@Entity({ tableName: 'payments' })
// A customer's payments page newest received first.
@Index({ properties: ['customer', 'receivedOn'] })
@Check({ name: 'payments_amounts', expression: 'amount > 0 and unapplied_amount >= 0 and unapplied_amount <= amount' })
export class Payment {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Customer', { ref: true, index: true })
  customer!: Ref<Customer>;

  @Property({ type: money() })
  amount!: string;

  @Property({ columnType: 'date', type: 'string', index: true })
  receivedOn!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  reference?: string | null;

  /** What is left after allocation: the customer's unapplied credit. */
  @Property({ type: money() })
  unappliedAmount!: string;

  @OneToMany('PaymentAllocation', 'payment')
  allocations = new Collection<PaymentAllocation>(this);

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}

@Entity({ tableName: 'payment_allocations' })
@Check({ name: 'payment_allocations_positive', expression: 'amount > 0' })
export class PaymentAllocation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('Payment', { ref: true, index: true })
  payment!: Ref<Payment>;

  @ManyToOne('Invoice', { ref: true, index: true })
  invoice!: Ref<Invoice>;

  @Property({ type: money() })
  amount!: string;
}
