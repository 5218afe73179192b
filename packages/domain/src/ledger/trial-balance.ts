import { money, sumMoney, ZERO, type Decimal, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { CHART_OF_ACCOUNTS, LEDGER_ACCOUNTS, type LedgerAccount, type LedgerAccountType } from './chart-of-accounts';
import type { LedgerPosting } from './ledger-postings';

/** Each account's balance, debit minus credit, from the postings dated on or before `asOf` (all when null): assets and expenses come out positive, liabilities and income negative. */
export function accountBalances(postings: readonly LedgerPosting[], asOf: IsoDate | null = null): Record<LedgerAccount, Decimal> {
  const out = Object.fromEntries(LEDGER_ACCOUNTS.map((k) => [k, ZERO])) as Record<LedgerAccount, Decimal>;
  for (const p of postings) {
    if (asOf !== null && p.date > asOf) continue;
    for (const l of p.lines) out[l.account] = out[l.account].plus(l.debit).minus(l.credit);
  }
  return out;
}

export interface TrialBalanceLine {
  account: { key: LedgerAccount; code: string; name: string; type: LedgerAccountType };
  debit: Decimal;
  credit: Decimal;
  /** debit − credit */
  balance: Decimal;
}

export interface TrialBalance {
  asOf: IsoDate | null;
  lines: TrialBalanceLine[];
  totalDebit: Decimal;
  totalCredit: Decimal;
}

/**
 * The trial balance as of a date: every account in code order with its net
 * balance in the debit or the credit column. The two totals are equal because
 * every posting balances; if they are not, a posting was broken and it throws.
 */
export function trialBalance(postings: readonly LedgerPosting[], asOf: IsoDate | null = null): TrialBalance {
  return trialBalanceOf(accountBalances(postings, asOf), asOf);
}

/**
 * The trial balance from each account's net balance (debit − credit; an
 * account missing is zero), e.g. summed by the database. The totals must be
 * equal; if they are not, a posting was broken and it throws.
 */
export function trialBalanceOf(balances: Partial<Record<LedgerAccount, DecimalLike>>, asOf: IsoDate | null = null): TrialBalance {
  const lines = LEDGER_ACCOUNTS.map((key) => {
    const balance = money(balances[key] ?? 0);
    return { account: { key, ...CHART_OF_ACCOUNTS[key] }, debit: balance.gt(0) ? balance : ZERO, credit: balance.lt(0) ? balance.neg() : ZERO, balance };
  });
  const totalDebit = sumMoney(lines.map((l) => l.debit));
  const totalCredit = sumMoney(lines.map((l) => l.credit));
  if (!totalDebit.eq(totalCredit)) throw new Error(`the ledger does not balance: debits ${totalDebit.toFixed(2)}, credits ${totalCredit.toFixed(2)}`);
  return { asOf, lines, totalDebit, totalCredit };
}
