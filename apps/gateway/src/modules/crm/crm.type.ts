import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/scalars';
import { ActivityKind } from './activity.entity';
import { OpportunityStage } from './opportunity.entity';
import { TicketPriority, TicketStatus } from './ticket.entity';

registerEnumType(TicketPriority, { name: 'TicketPriority' });
registerEnumType(TicketStatus, { name: 'TicketStatus' });
registerEnumType(OpportunityStage, { name: 'OpportunityStage' });
registerEnumType(ActivityKind, { name: 'ActivityKind' });

@ObjectType('Ticket')
export class TicketType {
  @Field(() => ID) id!: string;
  @Field(() => String) subject!: string;
  @Field(() => TicketPriority) priority!: TicketPriority;
  @Field(() => TicketStatus) status!: TicketStatus;
  @Field(() => DateTimeScalar) slaDueAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When the ticket was opened (UTC).' }) createdAt!: Date;
  @Field(() => Boolean, { description: 'Unresolved past its SLA deadline, now (the domain’s rule).' }) breached!: boolean;
  customerId!: string;
}

@ObjectType('Opportunity')
export class OpportunityType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => OpportunityStage) stage!: OpportunityStage;
  @Field(() => DecimalScalar) amount!: string;
  @Field(() => Int, { description: 'Win probability of the stage, in percent.' }) probability!: number;
  @Field(() => DateScalar, { nullable: true }) expectedCloseDate!: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was lost; null unless LOST.' }) lostReason!: string | null;
  customerId!: string;
  ownerId!: string;
}

@ObjectType('Activity')
export class ActivityType {
  @Field(() => ID) id!: string;
  @Field(() => ActivityKind) kind!: ActivityKind;
  @Field(() => String) subject!: string;
  @Field(() => DateTimeScalar) occurredAt!: Date;
  customerId!: string;
  contactId!: string | null;
}

export const OpportunityConnection = ConnectionType(OpportunityType, 'Opportunity');
export const ActivityConnection = ConnectionType(ActivityType, 'Activity');

export const TicketConnection = ConnectionType(TicketType, 'Ticket');
