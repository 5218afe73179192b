import * as domain from '@tandem/domain';
import { badUserInput } from './errors';

/**
 * Money arguments: at most 2 fraction digits (the Decimal scalar already
 * refused floats, exponents and more than 4 places). A bad amount is a
 * BAD_USER_INPUT GraphQL error naming the input path.
 */
export function parseMoneyArg(value: string, field: string[], opts: { min?: string } = {}): string {
  const r = domain.parseMoneyInput(value);
  if (!r.ok) throw badUserInput(`${field.at(-1)}: ${r.message}`, field);
  if (opts.min !== undefined && r.value.lt(opts.min)) throw badUserInput(`${field.at(-1)} must be at least ${opts.min}`, field);
  return domain.formatMoney(r.value);
}

/** A rate or percentage with up to `places` fraction digits, as a canonical string. */
export function parseDecimalArg(value: string, field: string[], places: number): string {
  const r = domain.parseDecimalInput(value, places);
  if (!r.ok) throw badUserInput(`${field.at(-1)}: ${r.message}`, field);
  return r.value.toFixed(places);
}
