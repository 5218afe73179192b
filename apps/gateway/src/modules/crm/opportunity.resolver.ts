import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { PayloadType, toPayload } from '../../graphql/payload';
import { CustomerType } from '../customers/customer.type';
import { UserType } from '../users/user.type';
import { OpportunityConnection, OpportunityType } from './crm.type';
import { OpportunityStage } from './opportunity.entity';
import { CreateOpportunityInput } from './opportunity.input';
import { opportunityOf } from './opportunity.rows';
import { PipelineType } from './pipeline.type';

const OpportunityPayload = PayloadType(OpportunityType, 'opportunity', 'OpportunityPayload');

/** The pipeline over the API: deals, their moves, lists and the forecast. Thin: the services decide. */
@Resolver(() => OpportunityType)
export class OpportunityResolver {
  @Query(() => OpportunityConnection, { nullable: true, description: 'Deals the viewer may see, newest first (a rep: its customers’). FORBIDDEN for SUPPORT and WAREHOUSE.' })
  opportunities(
    @Arg('first', () => Int) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('stage', () => [OpportunityStage], { nullable: true, description: 'Only deals in these stages.' }) stage: OpportunityStage[] | null,
    @Arg('ownerId', () => ID, { nullable: true, description: 'Only deals owned by this user.' }) ownerId: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.opportunityQueries.opportunities(ctx.em, ctx.viewer, { first, after, stage, ownerId });
  }

  @Query(() => OpportunityType, { nullable: true, description: 'One deal; null when there is none or its customer is not one the viewer may read.' })
  opportunity(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.opportunityQueries.opportunity(ctx.em, ctx.viewer, id);
  }

  @Query(() => PipelineType, {
    nullable: true,
    description: 'Every stage with its count, amount and weighted amount, the weighted total of open deals and the win rate, over the deals the viewer may see.',
  })
  pipeline(@Arg('ownerId', () => ID, { nullable: true, description: 'Only the deals of this owner.' }) ownerId: string | null, @Ctx() ctx: Context) {
    return ctx.services.opportunityQueries.pipeline(ctx.em, ctx.viewer, ownerId);
  }

  @Mutation(() => OpportunityPayload, { description: 'Opens a deal with a customer the viewer may write.' })
  async createOpportunity(@Arg('input', () => CreateOpportunityInput) input: CreateOpportunityInput, @Ctx() ctx: Context) {
    return toPayload('opportunity', await ctx.services.opportunities.create(ctx.em, ctx.viewer, input), opportunityOf);
  }

  @Mutation(() => OpportunityPayload, { description: 'Moves a deal to another stage: LOST needs a reason; WON and LOST are final; WON raises DEAL_WON.' })
  async moveOpportunity(
    @Arg('id', () => ID) id: string,
    @Arg('stage', () => OpportunityStage, { description: 'The stage to move to.' }) stage: OpportunityStage,
    @Arg('lostReason', () => String, { nullable: true, description: 'Why it was lost (required for LOST).' }) lostReason: string | null,
    @Ctx() ctx: Context,
  ) {
    return toPayload('opportunity', await ctx.services.opportunities.move(ctx.em, ctx.viewer, id, stage, lostReason), opportunityOf);
  }

  @FieldResolver(() => CustomerType, { description: 'The customer the deal is with.' })
  customer(@Root() o: OpportunityType, @Ctx() ctx: Context) {
    return ctx.loaders.customers.customer.load(o.customerId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who owns the deal.' })
  owner(@Root() o: OpportunityType, @Ctx() ctx: Context) {
    return ctx.loaders.customers.user.load(o.ownerId);
  }
}
