import { CHART_OF_ACCOUNTS, LEDGER_ACCOUNTS } from './chart-of-accounts';

it.each([
  ['CASH', '1000', 'ASSET'],
  ['ACCOUNTS_RECEIVABLE', '1100', 'ASSET'],
  ['INVENTORY', '1200', 'ASSET'],
  ['ACCOUNTS_PAYABLE', '2000', 'LIABILITY'],
  ['GOODS_RECEIVED_NOT_INVOICED', '2100', 'LIABILITY'],
  ['TAX_PAYABLE', '2200', 'LIABILITY'],
  ['CUSTOMER_DEPOSITS', '2300', 'LIABILITY'],
  ['OPENING_BALANCES', '3000', 'EQUITY'],
  ['REVENUE', '4000', 'INCOME'],
  ['COST_OF_GOODS_SOLD', '5000', 'EXPENSE'],
] as const)('%s is account %s (%s)', (account, code, type) => expect(CHART_OF_ACCOUNTS[account]).toMatchObject({ code, type }));

it('lists the accounts in code order', () => {
  expect(LEDGER_ACCOUNTS.map((a) => CHART_OF_ACCOUNTS[a].code)).toEqual(['1000', '1100', '1200', '2000', '2100', '2200', '2300', '3000', '4000', '5000']);
});
