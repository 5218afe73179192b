import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection';
import { DateTimeScalar } from '../../graphql/scalars';

@ObjectType('AuditEntry', { description: 'Who changed what, when, with the values before and after.' })
export class AuditEntryType {
  @Field(() => ID, { description: 'Its id; later entries have larger ids.' }) id!: string;
  @Field(() => DateTimeScalar, { description: 'When it happened.' }) at!: Date;
  @Field(() => String, { description: 'What was done (the business event, e.g. CreditLimitChanged).' }) action!: string;
  @Field(() => String, { description: 'The kind of record (Customer, Order, Invoice…).' }) entityType!: string;
  @Field(() => ID, { description: 'The record’s id.' }) entityId!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Its values before (null for a creation or a step).' }) before!: unknown;
  @Field(() => GraphQLJSON, { nullable: true, description: 'Its values after, or the facts of the step.' }) after!: unknown;
  actorId!: string | null;
}

export const AuditEntryConnection = ConnectionType(AuditEntryType, 'AuditEntry');
