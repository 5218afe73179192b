import { IsOptional, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars';
import { ActivityKind } from './activity.entity';

@InputType({ description: 'A call, e-mail, meeting, note or task with a customer.' })
export class LogActivityInput {
  @Field(() => ID, { description: 'The customer.' }) customerId!: string;
  @Field(() => ID, { nullable: true, description: 'One of the customer’s contacts.' }) @IsOptional() contactId?: string | null;
  @Field(() => ActivityKind, { description: 'What kind of activity.' }) kind!: ActivityKind;
  @Field(() => String, { description: 'What it was about (1–300 characters).' }) @Length(1, 300, { message: 'must be 1 to 300 characters' }) subject!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it took place (default now; not more than a day ahead).' }) occurredAt?: Date | null;
}
