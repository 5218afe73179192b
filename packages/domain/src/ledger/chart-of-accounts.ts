export type LedgerAccountType = 'ASSET' | 'LIABILITY' | 'EQUITY' | 'INCOME' | 'EXPENSE';

/** The standard chart of accounts: every posting uses these ten accounts, by code. */
export const CHART_OF_ACCOUNTS = {
  CASH: { code: '1000', name: 'Cash', type: 'ASSET' },
  ACCOUNTS_RECEIVABLE: { code: '1100', name: 'Accounts receivable', type: 'ASSET' },
  INVENTORY: { code: '1200', name: 'Inventory', type: 'ASSET' },
  ACCOUNTS_PAYABLE: { code: '2000', name: 'Accounts payable', type: 'LIABILITY' },
  GOODS_RECEIVED_NOT_INVOICED: { code: '2100', name: 'Goods received not invoiced', type: 'LIABILITY' },
  TAX_PAYABLE: { code: '2200', name: 'Tax payable', type: 'LIABILITY' },
  CUSTOMER_DEPOSITS: { code: '2300', name: 'Customer deposits', type: 'LIABILITY' },
  /** the other side of stock that enters without a supplier bill: opening stock and warehouse counts */
  OPENING_BALANCES: { code: '3000', name: 'Opening balances and stock adjustments', type: 'EQUITY' },
  REVENUE: { code: '4000', name: 'Revenue', type: 'INCOME' },
  COST_OF_GOODS_SOLD: { code: '5000', name: 'Cost of goods sold', type: 'EXPENSE' },
} as const satisfies Record<string, { code: string; name: string; type: LedgerAccountType }>;

export type LedgerAccount = keyof typeof CHART_OF_ACCOUNTS;

/** The accounts in code order. */
export const LEDGER_ACCOUNTS: readonly LedgerAccount[] = (Object.keys(CHART_OF_ACCOUNTS) as LedgerAccount[]).sort((a, b) => CHART_OF_ACCOUNTS[a].code.localeCompare(CHART_OF_ACCOUNTS[b].code));
