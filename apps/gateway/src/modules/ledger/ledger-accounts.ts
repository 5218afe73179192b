import * as domain from '@tandem/domain';
import type { LedgerAccountType } from './ledger.type';

/** The chart of accounts by code. */
export const ACCOUNT_BY_CODE = new Map<string, { key: domain.LedgerAccount; code: string; name: string; type: string }>(
  domain.LEDGER_ACCOUNTS.map((k) => [domain.CHART_OF_ACCOUNTS[k].code, { key: k, ...domain.CHART_OF_ACCOUNTS[k] }]),
);

/** An account of the chart by its code, for the graph. */
export function accountOf(code: string): LedgerAccountType {
  const a = ACCOUNT_BY_CODE.get(code);
  if (!a) throw new Error(`journal line on unknown account ${code}`);
  return { code: a.code, name: a.name, type: a.type };
}
