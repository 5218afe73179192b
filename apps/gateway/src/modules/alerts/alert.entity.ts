import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import type { Customer } from '../customers/customer.entity';
import type { Order } from '../orders/order.entity';
import type { Invoice } from '../receivables/invoice.entity';
import type { Product } from '../catalog/product.entity';
import type { User } from '../users/user.entity';

export enum AlertKind {
  CREDIT_LIMIT_EXCEEDED = 'CREDIT_LIMIT_EXCEEDED',
  CREDIT_WARNING = 'CREDIT_WARNING',
  CREDIT_HOLD = 'CREDIT_HOLD',
  INVOICE_OVERDUE = 'INVOICE_OVERDUE',
  LOW_STOCK = 'LOW_STOCK',
  SLA_BREACH = 'SLA_BREACH',
  DEAL_WON = 'DEAL_WON',
}

export enum AlertSeverity {
  INFO = 'INFO',
  WARNING = 'WARNING',
  CRITICAL = 'CRITICAL',
}

/**
 * The alert outbox: written in the same transaction as the change that raised
 * it; ids grow in commit order (writers serialise on an advisory lock at the
 * end of their transaction), so `id > after` is a gap-free resume point.
 */
@Entity({ tableName: 'alerts' })
@Index({ name: 'alerts_audience_roles_gin', expression: 'create index "alerts_audience_roles_gin" on "alerts" using gin ("audience_roles")' })
@Index({ name: 'alerts_audience_user_ids_gin', expression: 'create index "alerts_audience_user_ids_gin" on "alerts" using gin ("audience_user_ids")' })
export class Alert {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Index()
  @Enum({ items: () => AlertKind, nativeEnumName: 'alert_kind' })
  kind!: AlertKind;

  @Enum({ items: () => AlertSeverity, nativeEnumName: 'alert_severity' })
  severity!: AlertSeverity;

  @Property({ type: 'text' })
  message!: string;

  @ManyToOne('Customer', { ref: true, nullable: true, index: true })
  customer?: Ref<Customer> | null;

  @ManyToOne('Order', { ref: true, nullable: true, index: true })
  order?: Ref<Order> | null;

  @ManyToOne('Invoice', { ref: true, nullable: true, index: true })
  invoice?: Ref<Invoice> | null;

  @ManyToOne('Product', { ref: true, nullable: true, index: true })
  product?: Ref<Product> | null;

  @Property({ type: 'uuid', nullable: true })
  ticketId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  opportunityId?: string | null;

  /** Roles that hear it (ADMIN always does). */
  @Property({ columnType: 'text[]', type: 'string[]' })
  audienceRoles!: string[];

  /**
   * Users named in it when it was raised. An alert about a customer is heard by
   * the customer's owner at read and delivery time instead (so it follows a
   * reassignment); these names count only for alerts about no customer.
   */
  @Property({ columnType: 'uuid[]', type: 'string[]' })
  audienceUserIds!: string[];

  /** The business event; unique, so each event raises one alert. */
  @Property({ type: 'string', length: 300, unique: true })
  eventKey!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Index()
  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt?: Date | null;

  @ManyToOne('User', { ref: true, nullable: true, index: true })
  acknowledgedBy?: Ref<User> | null;
}
