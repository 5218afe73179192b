import { IsEmail, IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars';

@InputType({ description: 'A new lead.' })
export class CreateLeadInput {
  @Field(() => String, { description: 'The person’s full name.' }) @Length(1, 200, { message: 'must be 1 to 200 characters' }) name!: string;
  @Field(() => String, { nullable: true, description: 'The company the person is with; it names the customer on conversion.' })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  company?: string | null;
  @Field(() => String, { nullable: true, description: 'An e-mail address.' }) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'A phone number.' }) @IsOptional() @Length(1, 50, { message: 'must be 1 to 50 characters' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Where it came from (web form, referral…).' }) @IsOptional() @Length(1, 60, { message: 'must be 1 to 60 characters' }) source?: string | null;
  @Field(() => ID, { nullable: true, description: 'The campaign it came from.' }) campaignId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Who works it (SALES_MANAGER or ADMIN may name a sales user; a rep always owns its own).' }) ownerId?: string | null;
}

@InputType({ description: 'The deal to open with the new customer.' })
export class ConvertLeadOpportunityInput {
  @Field(() => String, { nullable: true, description: 'Its name (default: “<company> opportunity”).' })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string | null;
  @Field(() => DecimalScalar, { description: 'What it is worth (0 or more, at most 2 decimals).' }) amount!: string;
}

@InputType({ description: 'How to convert a lead: the customer and contact always, a deal when asked.' })
export class ConvertLeadInput {
  @Field(() => ConvertLeadOpportunityInput, { nullable: true, description: 'Also open a deal with the new customer.' }) opportunity?: ConvertLeadOpportunityInput | null;
}
