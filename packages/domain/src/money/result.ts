/**
 * The one vocabulary of refusals: every code a rule or a service may refuse
 * with, and what it means. The API's `UserErrorCode` enum is built from this
 * list, so a code the domain returns always exists in the schema.
 */
export const USER_ERROR_MEANINGS = {
  BAD_USER_INPUT: 'The input is malformed or out of range; `field` names it.',
  NOT_FOUND: 'What the input names does not exist, or the viewer may not see it.',
  FORBIDDEN: "The viewer's role may not do this.",
  CONFLICT: 'The request clashes with the current state (a duplicate, or already done).',
  CREDIT_LIMIT_EXCEEDED: "The order would take the customer's exposure over its credit limit.",
  CREDIT_HOLD: 'The customer is on credit hold.',
  INSUFFICIENT_STOCK: 'Not enough stock is available for a line.',
  INVALID_TRANSITION: "The document's status does not allow this move.",
  NOTHING_TO_INVOICE: 'Nothing shipped is left to invoice.',
  PERIOD_CLOSED: 'The date falls in a closed accounting period.',
  INVALID_CREDENTIALS: 'The e-mail or password is wrong.',
  TOO_MANY_ATTEMPTS: 'Too many failed sign-ins for this e-mail; wait and try again.',
} as const;
export type UserErrorCode = keyof typeof USER_ERROR_MEANINGS;
/** The refusal codes the API reports as `userErrors[].code`. */
export const USER_ERROR_CODES = Object.keys(USER_ERROR_MEANINGS) as UserErrorCode[];

/** An expected "no" from a business rule: a value, never an exception. `field` is the path inside the input. */
export interface Refusal<C extends UserErrorCode = UserErrorCode> {
  ok: false;
  code: C;
  message: string;
  field?: string[];
  details?: Record<string, unknown>;
}
export interface Ok<T> {
  ok: true;
  value: T;
}
export type Result<T, C extends UserErrorCode = UserErrorCode> = Ok<T> | Refusal<C>;

/** A rule's yes, carrying its result. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** A rule's no: a code from the API's list, a message for people, and the input path it is about. */
export function refuse<C extends UserErrorCode>(code: C, message: string, field?: (string | number)[], details?: Record<string, unknown>): Refusal<C> {
  return { ok: false, code, message, ...(field ? { field: field.map(String) } : {}), ...(details ? { details } : {}) };
}
