import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money } from '../../db/decimal.type';
import type { Contact } from '../customers/contact.entity';
import type { Customer } from '../customers/customer.entity';
import type { User } from '../users/user.entity';

// The CRM tables that Customer360 reads. Their write mutations come with the CRM issue.

export enum TicketPriority { URGENT = 'URGENT', HIGH = 'HIGH', NORMAL = 'NORMAL', LOW = 'LOW' }
export enum TicketStatus { OPEN = 'OPEN', IN_PROGRESS = 'IN_PROGRESS', WAITING_ON_CUSTOMER = 'WAITING_ON_CUSTOMER', RESOLVED = 'RESOLVED', CLOSED = 'CLOSED' }
export enum OpportunityStage { PROSPECTING = 'PROSPECTING', QUALIFICATION = 'QUALIFICATION', PROPOSAL = 'PROPOSAL', NEGOTIATION = 'NEGOTIATION', WON = 'WON', LOST = 'LOST' }
export enum ActivityKind { CALL = 'CALL', EMAIL = 'EMAIL', MEETING = 'MEETING', NOTE = 'NOTE', TASK = 'TASK' }

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

@Entity({ tableName: 'opportunities' })
@Index({ properties: ['customer', 'expectedCloseDate'] })
export class Opportunity {
  [OptionalProps]?: 'createdAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @ManyToOne('Customer', { ref: true, index: true }) customer!: Ref<Customer>;
  @ManyToOne('User', { ref: true, index: true }) owner!: Ref<User>;
  @Property({ type: 'string', length: 200 }) name!: string;
  @Index() @Enum({ items: () => OpportunityStage, nativeEnumName: 'opportunity_stage' }) stage!: OpportunityStage;
  @Property({ type: money() }) amount!: string;
  @Property({ columnType: 'date', type: 'string', nullable: true }) expectedCloseDate?: string | null;
  @Property({ type: 'text', nullable: true }) lostReason?: string | null;
  @Property({ type: 'timestamptz', nullable: true }) closedAt?: Date | null;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
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
