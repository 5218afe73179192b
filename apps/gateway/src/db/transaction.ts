import type { EntityManager } from '@mikro-orm/postgresql';
import { Refused, type UserError, type UserErrorCode } from '../graphql/user-error.type';

export type MutationResult<T> = { ok: true; value: T } | { ok: false; userErrors: UserError[] };

/**
 * Runs one write use case in one transaction. A `Refused` thrown inside (a
 * business rule said no) rolls everything back and becomes `userErrors`;
 * anything else propagates and is masked for the client.
 */
export async function inTransaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<MutationResult<T>> {
  try {
    return { ok: true, value: await em.transactional(work) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, userErrors: [err.toUserError()] };
    throw err;
  }
}

/** Throws a refusal for a domain `Result` that said no, prefixing its field with the input path. */
export function refusedFromDomain(r: { code: string; message: string; field?: (string | number)[] }, prefix: string[] = ['input']): Refused {
  return new Refused(r.code as never, r.message, r.field ? [...prefix, ...r.field.map(String)] : undefined);
}

/** A refusal decided before any write (role, validation). */
export function refused<T>(code: UserErrorCode, message: string, field?: string[]): MutationResult<T> {
  return { ok: false, userErrors: [new Refused(code, message, field).toUserError()] };
}
