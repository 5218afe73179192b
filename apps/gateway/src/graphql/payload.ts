import { Field, ObjectType, type ClassType } from 'type-graphql';
import type { MutationResult } from '../db/transaction';
import { UserError } from './user-error.type';

/**
 * The mutation payload convention: `{ <entity>: T | null, userErrors: [UserError!]! }`.
 * On a refusal the entity is null and nothing was written.
 */
export function PayloadType<T extends object>(entity: ClassType<T>, field: string, name: string) {
  @ObjectType(name)
  class Payload {
    @Field(() => [UserError])
    userErrors!: UserError[];
  }
  Field(() => entity, { nullable: true })(Payload.prototype, field);
  return Payload;
}

/** Turns a service result into a payload, mapping the written entity for the graph. */
export function toPayload<E, T>(field: string, result: MutationResult<E>, map: (e: E) => T): Record<string, unknown> {
  return result.ok ? { [field]: map(result.value), userErrors: [] } : { [field]: null, userErrors: result.userErrors };
}
