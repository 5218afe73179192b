import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Customer } from '../customers/customer.entity';

// Read by Customer360 now; its write mutations come with the CRM operations.

export enum TicketPriority {
  URGENT = 'URGENT',
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
  LOW = 'LOW',
}
export enum TicketStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  WAITING_ON_CUSTOMER = 'WAITING_ON_CUSTOMER',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

@Entity({ tableName: 'tickets' })
@Index({ properties: ['customer', 'status'] })
export class Ticket {
  [OptionalProps]?: 'createdAt' | 'status';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Customer', { ref: true, index: true }) customer!: Ref<Customer>;
  @Property({ type: 'string', length: 300 }) subject!: string;
  @Enum({ items: () => TicketPriority, nativeEnumName: 'ticket_priority' }) priority!: TicketPriority;
  @Enum({ items: () => TicketStatus, nativeEnumName: 'ticket_status' }) status: TicketStatus = TicketStatus.OPEN;
  @Index() @Property({ type: 'timestamptz' }) slaDueAt!: Date;
  @Property({ type: 'timestamptz', nullable: true }) resolvedAt?: Date | null;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}
