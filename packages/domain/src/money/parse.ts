import { Decimal } from './decimal';
import { ok, refuse, type Result } from './result';

const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(\.(\d+))?$/;

/**
 * Parses the text of a `Decimal` scalar: a plain decimal string with at most
 * `maxPlaces` fraction digits. Exponents ("1e5"), spaces, signs other than a
 * leading minus, leading zeros and empty strings are refused.
 */
export function parseDecimalInput(text: string, maxPlaces = 4): Result<Decimal, 'BAD_USER_INPUT'> {
  if (typeof text !== 'string') return refuse('BAD_USER_INPUT', 'must be a string such as "1250.00"');
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return refuse('BAD_USER_INPUT', 'must be a plain decimal such as "1250.00" (no exponent, spaces or leading zeros)');
  const places = m[3]?.length ?? 0;
  if (places > maxPlaces) return refuse('BAD_USER_INPUT', `must have at most ${maxPlaces} decimal places`);
  return ok(new Decimal(text));
}

/** Parses money: a plain decimal with at most 2 fraction digits. */
export function parseMoneyInput(text: string): Result<Decimal, 'BAD_USER_INPUT'> {
  return parseDecimalInput(text, 2);
}
