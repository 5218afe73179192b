import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { money } from '../../db/decimal.type';
import type { Customer } from '../customers/customer.entity';
import type { User } from '../users/user.entity';

// Read by Customer360 now; its write mutations come with the CRM operations.

export enum OpportunityStage {
  PROSPECTING = 'PROSPECTING',
  QUALIFICATION = 'QUALIFICATION',
  PROPOSAL = 'PROPOSAL',
  NEGOTIATION = 'NEGOTIATION',
  WON = 'WON',
  LOST = 'LOST',
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
