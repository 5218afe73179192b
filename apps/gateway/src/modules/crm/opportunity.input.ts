import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { OpportunityStage } from './opportunity.entity';

@InputType({ description: 'A new deal with one customer.' })
export class CreateOpportunityInput {
  @Field(() => ID, { description: 'The customer the deal is with.' })
  customerId!: string;

  @Field(() => String, { description: 'The name of the deal.' })
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name!: string;

  @Field(() => DecimalScalar, { description: 'What the deal is worth (more than 0, at most 2 decimals).' })
  amount!: string;

  @Field(() => OpportunityStage, { nullable: true, description: 'Where it starts (default PROSPECTING; not WON or LOST).' })
  stage?: OpportunityStage | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it is expected to close.' })
  expectedCloseDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who owns the deal (SALES_MANAGER or ADMIN; default: the customer’s owner). A rep always owns its own.' })
  @IsOptional()
  ownerId?: string | null;
}
