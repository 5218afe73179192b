import { Decimal } from './decimal';
import { ok, refuse, type Result } from './result';

const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(\.(\d+))?$/;

/**
 * The most integer digits an amount may have: money is stored as
 * numeric(14,2), so 999 999 999 999.99 is the largest amount Tandem keeps.
 */
export const MAX_INTEGER_DIGITS = 12;
/** The largest amount a document, line or payment may reach. */
export const MAX_AMOUNT = new Decimal('999999999999.99');

/**
 * Parses the text of a `Decimal` scalar: a plain decimal string with at most
 * `maxPlaces` fraction digits. Exponents ("1e5"), spaces, signs other than a
 * leading minus, leading zeros and empty strings are refused; so are more
 * than `maxIntegerDigits` digits before the point (the API passes
 * MAX_INTEGER_DIGITS, what its columns hold).
 */
export function parseDecimalInput(text: string, maxPlaces = 4, maxIntegerDigits = Number.POSITIVE_INFINITY): Result<Decimal, 'BAD_USER_INPUT'> {
  if (typeof text !== 'string') return refuse('BAD_USER_INPUT', 'must be a string such as "1250.00"');
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return refuse('BAD_USER_INPUT', 'must be a plain decimal such as "1250.00" (no exponent, spaces or leading zeros)');
  const places = m[3]?.length ?? 0;
  if (places > maxPlaces) return refuse('BAD_USER_INPUT', `must have at most ${maxPlaces} decimal places`);
  if (m[1].length > maxIntegerDigits) return refuse('BAD_USER_INPUT', `must have at most ${maxIntegerDigits} digits before the decimal point`);
  return ok(new Decimal(text));
}

/** Parses money: a plain decimal with at most 2 fraction digits. */
export function parseMoneyInput(text: string): Result<Decimal, 'BAD_USER_INPUT'> {
  return parseDecimalInput(text, 2);
}
