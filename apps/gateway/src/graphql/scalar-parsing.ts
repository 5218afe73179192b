import * as domain from '@tandem/domain';

/** The Decimal scalar accepts up to 4 fraction digits; money arguments narrow that to 2. */
export function parseDecimalText(text: string, fail: (message: string) => Error): string {
  const r = domain.parseDecimalInput(text, 4);
  if (!r.ok) throw fail(`Decimal ${JSON.stringify(text)}: ${r.message}`);
  return text.trim();
}

export function parseIsoDateText(text: string, fail: (message: string) => Error): string {
  const r = domain.parseIsoDate(text);
  if (!r.ok) throw fail(`Date ${JSON.stringify(text)}: ${r.message}`);
  return text;
}
