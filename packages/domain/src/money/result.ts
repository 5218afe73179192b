/** The refusal codes the API reports as `userErrors[].code`. */
export const USER_ERROR_CODES = [
  'BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'CREDIT_LIMIT_EXCEEDED', 'CREDIT_HOLD', 'INSUFFICIENT_STOCK',
  'INVALID_TRANSITION', 'NOTHING_TO_INVOICE', 'PERIOD_CLOSED',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/** An expected "no" from a business rule: a value, never an exception. `field` is the path inside the input. */
export interface Refusal<C extends string = UserErrorCode> {
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
export type Result<T, C extends string = UserErrorCode> = Ok<T> | Refusal<C>;

/** A rule's yes, carrying its result. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** A rule's no: a code from the API's list, a message for people, and the input path it is about. */
export function refuse<C extends string>(code: C, message: string, field?: (string | number)[], details?: Record<string, unknown>): Refusal<C> {
  return { ok: false, code, message, ...(field ? { field: field.map(String) } : {}), ...(details ? { details } : {}) };
}
