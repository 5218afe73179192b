import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars';
import { OpportunityStage } from './opportunity.entity';

@ObjectType('PipelineStage', { description: 'One stage of the pipeline: how many deals, worth how much, weighted by the stage’s probability.' })
export class PipelineStageType {
  @Field(() => OpportunityStage, { description: 'The stage.' }) stage!: OpportunityStage;
  @Field(() => Int, { description: 'Deals in this stage.' }) count!: number;
  @Field(() => DecimalScalar, { description: 'Σ amount of those deals.' }) amount!: string;
  @Field(() => DecimalScalar, { description: 'Σ amount × the stage’s probability, rounded once.' }) weightedAmount!: string;
}

@ObjectType('Pipeline', { description: 'The sales pipeline the viewer may see: every stage (empty ones at zero), the weighted total of open deals and the win rate.' })
export class PipelineType {
  @Field(() => [PipelineStageType], { description: 'All six stages, in order.' }) stages!: PipelineStageType[];
  @Field(() => DecimalScalar, { description: 'Σ amount × probability over the open deals, rounded once.' }) totalWeighted!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'won ÷ (won + lost), 4 places; null when nothing has closed.' }) winRate!: string | null;
}
