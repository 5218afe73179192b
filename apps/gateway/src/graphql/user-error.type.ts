import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** The business refusal codes of the contract; the domain's refusals map onto these. */
export enum UserErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  CREDIT_LIMIT_EXCEEDED = 'CREDIT_LIMIT_EXCEEDED',
  CREDIT_HOLD = 'CREDIT_HOLD',
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  NOTHING_TO_INVOICE = 'NOTHING_TO_INVOICE',
  PERIOD_CLOSED = 'PERIOD_CLOSED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
}
registerEnumType(UserErrorCode, { name: 'UserErrorCode', description: 'Why a mutation refused the request.' });

@ObjectType({ description: 'A business rule that refused a mutation; nothing was written.' })
export class UserError {
  @Field(() => UserErrorCode)
  code!: UserErrorCode;

  @Field(() => [String], { nullable: true, description: 'The input path, e.g. ["input","lines","0","quantity"].' })
  field?: string[] | null;

  @Field(() => String)
  message!: string;
}

/** A refusal as the services return it, before it becomes a payload's `userErrors`. */
export class Refused extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
    readonly field?: string[],
  ) {
    super(message);
    this.name = 'Refused';
  }
  toUserError(): UserError {
    return { code: this.code, field: this.field ?? null, message: this.message };
  }
}

export function userError(code: UserErrorCode, message: string, field?: string[]): UserError {
  return { code, field: field ?? null, message };
}
