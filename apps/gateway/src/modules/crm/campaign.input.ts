import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';

@InputType({ description: 'A new marketing campaign.' })
export class CreateCampaignInput {
  @Field(() => String, { description: 'Its name.' }) @Length(1, 200, { message: 'must be 1 to 200 characters' }) name!: string;
  @Field(() => String, { description: 'Where it runs (e.g. EMAIL, SEARCH, EVENT).' }) @Length(1, 60, { message: 'must be 1 to 60 characters' }) channel!: string;
  @Field(() => DecimalScalar, { description: 'What it cost (0 or more, at most 2 decimals).' }) cost!: string;
  @Field(() => DateScalar, { nullable: true, description: 'When it started (default today).' }) startDate?: string | null;
}
