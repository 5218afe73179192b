import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../graphql/scalars';
import * as domain from '@tandem/domain';
import { ActivityKind } from './activity.entity';
import { LeadStatus } from './lead.entity';
import { QuoteStatus } from './quote.entity';
import { OpportunityStage } from './opportunity.entity';
import { TicketPriority, TicketStatus } from './ticket.entity';

registerEnumType(TicketPriority, { name: 'TicketPriority' });
registerEnumType(TicketStatus, { name: 'TicketStatus' });
registerEnumType(OpportunityStage, { name: 'OpportunityStage' });
registerEnumType(ActivityKind, { name: 'ActivityKind' });
registerEnumType(LeadStatus, { name: 'LeadStatus', description: 'NEW → CONTACTED → QUALIFIED → CONVERTED, or DISQUALIFIED from any open status (the domain’s table).' });
registerEnumType(QuoteStatus, { name: 'QuoteStatus', description: 'The quote lifecycle (the domain’s table); an open quote past validUntil reads as EXPIRED.' });

/** What a timeline line tells (the domain's TIMELINE_KINDS). */
export const TimelineKind = Object.fromEntries(domain.TIMELINE_KINDS.map((k) => [k, k])) as { [K in domain.TimelineKind]: K };
export type TimelineKind = domain.TimelineKind;
registerEnumType(TimelineKind, { name: 'TimelineKind', description: 'What a line of a customer’s timeline tells: an activity someone logged, or what the system did.' });

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

@ObjectType('Campaign', { description: 'A marketing campaign and what it cost; leads name the campaign they came from.' })
export class CampaignType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Where it ran (e.g. EMAIL, SEARCH, EVENT).' }) channel!: string;
  @Field(() => DecimalScalar, { description: 'What it cost.' }) cost!: string;
  @Field(() => DateScalar) startDate!: string;
}

@ObjectType('Lead', { description: 'A prospect before it is a customer.' })
export class LeadType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The person’s full name.' }) name!: string;
  @Field(() => String, { nullable: true }) company!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Where the lead came from (web form, referral…).' }) source!: string | null;
  @Field(() => LeadStatus) status!: LeadStatus;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was converted; null until then.' }) convertedAt!: Date | null;
  @Field(() => DateTimeScalar) createdAt!: Date;
  ownerId!: string;
  campaignId!: string | null;
  convertedCustomerId!: string | null;
}

@ObjectType('QuoteLine', { description: 'A quote line, priced like an order line from the catalog at quote time.' })
export class QuoteLineType {
  @Field(() => ID) id!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => DecimalScalar) unitPrice!: string;
  @Field(() => DecimalScalar) discountPercent!: string;
  @Field(() => DecimalScalar, { description: 'The line net: round(quantity × unitPrice × (1 − discount/100), 2).' }) lineTotal!: string;
  productId!: string;
}

@ObjectType('Quote', { description: 'A priced offer to a customer, with the credit and stock of the moment it is read.' })
export class QuoteType {
  @Field(() => ID) id!: string;
  @Field(() => String) number!: string;
  @Field(() => QuoteStatus, { description: 'As of today: an open quote past validUntil is EXPIRED even before the scan marks it.' }) status!: QuoteStatus;
  @Field(() => DateScalar) validUntil!: string;
  @Field(() => Boolean, { description: 'A discount over the rep’s limit (or a price under list) needs a SALES_MANAGER or ADMIN.' }) requiresApproval!: boolean;
  @Field(() => DecimalScalar) subtotal!: string;
  @Field(() => DecimalScalar) taxTotal!: string;
  @Field(() => DecimalScalar) total!: string;
  @Field(() => DateTimeScalar) createdAt!: Date;
  customerId!: string;
  opportunityId!: string | null;
  orderId!: string | null;
}

@ObjectType('TimelineEntry', { description: 'One line of a customer’s history, written with the change it tells of.' })
export class TimelineEntryType {
  @Field(() => ID) id!: string;
  @Field(() => TimelineKind) kind!: TimelineKind;
  @Field(() => DateTimeScalar, { description: 'When it happened (for an activity, when it took place).' }) occurredAt!: Date;
  @Field(() => String, { description: 'One line, naming the document.' }) summary!: string;
  actorId!: string | null;
  /** occurred_at as PostgreSQL prints it (microseconds kept), for the cursor */
  sortKey!: string;
}

export const LeadConnection = ConnectionType(LeadType, 'Lead');
export const QuoteConnection = ConnectionType(QuoteType, 'Quote');
export const TimelineConnection = ConnectionType(TimelineEntryType, 'TimelineEntry');
