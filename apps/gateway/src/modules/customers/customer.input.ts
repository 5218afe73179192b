import { IsEmail, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../../graphql/scalars';

@InputType()
export class CreateCustomerInput {
  @Field(() => String) @Length(1, 200, { message: 'must be 1 to 200 characters' }) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 50) phone?: string | null;
  @Field(() => Int, { nullable: true, defaultValue: 30 }) @IsOptional() @IsInt() @Min(0, { message: 'must be 0 or more' }) @Max(365, { message: 'must be at most 365' }) paymentTermsDays?:
    number | null;
  @Field(() => ID, { nullable: true, description: 'Defaults to the signed-in user; only a manager or admin may name another owner.' }) ownerId?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'FINANCE or ADMIN only.' }) creditLimit?: string | null;
}

@InputType()
export class UpdateCustomerInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200, { message: 'must be 1 to 200 characters' }) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 50) phone?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0, { message: 'must be 0 or more' }) @Max(365, { message: 'must be at most 365' }) paymentTermsDays?: number | null;
  @Field(() => ID, { nullable: true }) ownerId?: string | null;
}

@InputType()
export class CreateContactInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String) @Length(1, 100, { message: 'must be 1 to 100 characters' }) firstName!: string;
  @Field(() => String) @Length(1, 100, { message: 'must be 1 to 100 characters' }) lastName!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, { message: 'must be an e-mail address' }) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 50) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) title?: string | null;
}
