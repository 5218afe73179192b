import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { UserError } from '../../graphql/user-error.type';
import { contactOf, customerOf } from '../customers/customer.mapper';
import { ContactType, CustomerType } from '../customers/customer.type';
import { UserType } from '../users/user.type';
import type { Campaign } from './campaign.entity';
import { CreateCampaignInput } from './campaign.input';
import { CampaignType, LeadConnection, LeadType, OpportunityType } from './crm.type';
import { LeadStatus, type Lead } from './lead.entity';
import { ConvertLeadInput, CreateLeadInput } from './lead.input';
import { opportunityOf } from './opportunity.rows';

const LeadPayload = PayloadType(LeadType, 'lead', 'LeadPayload');
const CampaignPayload = PayloadType(CampaignType, 'campaign', 'CampaignPayload');

@ObjectType('ConvertLeadPayload', { description: 'What a conversion created, in one transaction; all null with userErrors on a refusal.' })
class ConvertLeadPayload {
  @Field(() => LeadType, { nullable: true, description: 'The lead, now CONVERTED.' }) lead!: LeadType | null;
  @Field(() => CustomerType, { nullable: true, description: 'The new customer.' }) customer!: CustomerType | null;
  @Field(() => ContactType, { nullable: true, description: 'The new customer’s contact: the lead’s person.' }) contact!: ContactType | null;
  @Field(() => OpportunityType, { nullable: true, description: 'The deal, when one was asked for.' }) opportunity!: OpportunityType | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

export const leadOf = (l: Lead): LeadType => ({
  id: l.id,
  name: l.name,
  company: l.company ?? null,
  email: l.email ?? null,
  phone: l.phone ?? null,
  source: l.source ?? null,
  status: l.status,
  ownerId: l.owner.id,
  campaignId: l.campaign?.id ?? null,
  convertedCustomerId: l.convertedCustomer?.id ?? null,
  convertedAt: l.convertedAt ?? null,
  createdAt: l.createdAt,
});

const campaignOf = (c: Campaign): CampaignType => ({ id: c.id, name: c.name, channel: c.channel, cost: c.cost, startDate: c.startDate });

/** Leads and campaigns over the API. Thin: the services decide. */
@Resolver(() => LeadType)
export class LeadResolver {
  @Query(() => LeadConnection, { nullable: true, description: 'Leads the viewer may see, newest first (a rep: its own). FORBIDDEN for FINANCE, SUPPORT and WAREHOUSE.' })
  leads(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('status', () => [LeadStatus], { nullable: true, description: 'Only leads in these statuses.' }) status: LeadStatus[] | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.leadQueries.leads(ctx.em, ctx.viewer, { first, after, status });
  }

  @Query(() => LeadType, { nullable: true, description: 'One lead; null when there is none or it is another rep’s.' })
  lead(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.leadQueries.lead(ctx.em, ctx.viewer, id);
  }

  @Mutation(() => LeadPayload, { description: 'Records a lead (sales roles), optionally from a campaign.' })
  async createLead(@Arg('input', () => CreateLeadInput) input: CreateLeadInput, @Ctx() ctx: Context) {
    return toPayload('lead', await ctx.services.leads.create(ctx.em, ctx.viewer, input), leadOf);
  }

  @Mutation(() => LeadPayload, { description: 'Moves a lead along its table (CONVERTED only through convertLead); an illegal move is INVALID_TRANSITION.' })
  async updateLeadStatus(@Arg('id', () => ID) id: string, @Arg('status', () => LeadStatus, { description: 'The status to move to.' }) status: LeadStatus, @Ctx() ctx: Context) {
    return toPayload('lead', await ctx.services.leads.updateStatus(ctx.em, ctx.viewer, id, status), leadOf);
  }

  @Mutation(() => ConvertLeadPayload, { description: 'Turns an open lead into a customer, its contact and optionally a deal, in one transaction; converting twice is INVALID_TRANSITION.' })
  async convertLead(@Arg('id', () => ID) id: string, @Arg('input', () => ConvertLeadInput, { nullable: true }) input: ConvertLeadInput | null, @Ctx() ctx: Context): Promise<ConvertLeadPayload> {
    const r = await ctx.services.leads.convert(ctx.em, ctx.viewer, id, input);
    if (!r.ok) return { lead: null, customer: null, contact: null, opportunity: null, userErrors: r.userErrors };
    const c = r.value;
    return { lead: leadOf(c.lead), customer: customerOf(c.customer), contact: contactOf(c.contact), opportunity: c.opportunity ? opportunityOf(c.opportunity) : null, userErrors: [] };
  }

  @Mutation(() => CampaignPayload, { description: 'Records a marketing campaign with its cost (SALES_MANAGER, ADMIN).' })
  async createCampaign(@Arg('input', () => CreateCampaignInput) input: CreateCampaignInput, @Ctx() ctx: Context) {
    return toPayload('campaign', await ctx.services.campaigns.create(ctx.em, ctx.viewer, input), campaignOf);
  }

  @FieldResolver(() => CampaignType, { nullable: true, description: 'The campaign the lead came from.' })
  campaign(@Root() l: LeadType, @Ctx() ctx: Context) {
    return l.campaignId ? ctx.loaders.crm.campaign.load(l.campaignId) : null;
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who works the lead.' })
  owner(@Root() l: LeadType, @Ctx() ctx: Context) {
    return ctx.loaders.customers.user.load(l.ownerId);
  }

  @FieldResolver(() => CustomerType, { nullable: true, description: 'The customer it became; null until converted (or when the viewer may not read it).' })
  convertedCustomer(@Root() l: LeadType, @Ctx() ctx: Context) {
    return l.convertedCustomerId ? ctx.loaders.customers.customer.load(l.convertedCustomerId) : null;
  }
}
