import * as domain from '@tandem/domain';

/**
 * The Decimal scalar accepts up to 4 fraction digits (money arguments narrow
 * that to 2) and at most 12 integer digits, what the money columns hold.
 */
export function parseDecimalText(text: string, fail: (message: string) => Error): string {
  const r = domain.parseDecimalInput(text, 4, domain.MAX_INTEGER_DIGITS);
  if (!r.ok) throw fail(`Decimal ${JSON.stringify(text)}: ${r.message}`);
  return text.trim();
}

/** A Date argument: a real calendar date in the years 1900–2999. */
export function parseIsoDateText(text: string, fail: (message: string) => Error): string {
  const r = domain.parseBusinessDate(text);
  if (!r.ok) throw fail(`Date ${JSON.stringify(text)}: ${r.message}`);
  return text;
}
