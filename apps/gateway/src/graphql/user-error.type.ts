import { USER_ERROR_CODES, USER_ERROR_MEANINGS, type UserErrorCode as DomainUserErrorCode } from '@tandem/domain';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/**
 * The refusal codes, straight from the domain's one vocabulary
 * (`USER_ERROR_MEANINGS`): a code a rule returns always exists in the schema,
 * with its meaning as the enum value's description.
 */
export const UserErrorCode = Object.fromEntries(USER_ERROR_CODES.map((c) => [c, c])) as { readonly [K in DomainUserErrorCode]: K };
export type UserErrorCode = DomainUserErrorCode;
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation refused the request.',
  valuesConfig: Object.fromEntries(USER_ERROR_CODES.map((c) => [c, { description: USER_ERROR_MEANINGS[c] }])),
});

@ObjectType({ description: 'A business rule that refused a mutation; nothing was written.' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'What kind of refusal this is.' })
  code!: UserErrorCode;

  @Field(() => [String], { nullable: true, description: 'The input path, e.g. ["input","lines","0","quantity"].' })
  field?: string[] | null;

  @Field(() => String, { description: 'For people: what was refused and why.' })
  message!: string;
}

/**
 * A refusal thrown inside a write's transaction: it rolls the transaction back
 * and becomes the payload's `userErrors`. `details` carries what the payload
 * shows even when refused (the credit figures a confirmation was judged on).
 */
export class Refused<D = undefined> extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly field?: string[],
    readonly details?: D,
  ) {
    super(message);
    this.name = 'Refused';
  }
  toUserError(): UserError {
    return userError(this.code, this.message, this.field);
  }
}

export function userError(code: UserErrorCode, message: string, field?: string[]): UserError {
  return { code, field: field ?? null, message };
}
