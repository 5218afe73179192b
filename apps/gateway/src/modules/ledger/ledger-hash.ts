import { createHash } from 'node:crypto';

/** The genesis of the chain: the `prev_hash` of entry number 1. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedEntry {
  number: string | number | bigint;
  postedAt: string;
  source: string;
  reference: string;
  lines: readonly { accountCode: string; debit: string; credit: string }[];
}

/**
 * An entry's hash: SHA-256 over the previous entry's hash, its number, date,
 * source, reference and every line (account, debit, credit, in line order,
 * amounts with 2 decimals). Changing any of them, or removing or reordering an
 * entry, breaks this hash or the next entry's.
 */
export function entryHash(prevHash: string, e: HashedEntry): string {
  const lines = e.lines.map((l) => `${l.accountCode}:${fixed(l.debit)}:${fixed(l.credit)}`).join(';');
  return createHash('sha256')
    .update(`${prevHash}|${String(e.number)}|${e.postedAt}|${e.source}|${e.reference}|${lines}`)
    .digest('hex');
}

/** Money as exactly two decimals, from the numeric text PostgreSQL or decimal.js gives (never through a float). */
function fixed(amount: string): string {
  const [int, frac = ''] = amount.split('.');
  return `${int}.${(frac + '00').slice(0, 2)}`;
}
