import { money, sumMoney, ZERO, type Decimal, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { ok, refuse, type Result } from '../money/result';

/** The standard chart of accounts. */
export const CHART_OF_ACCOUNTS = {
  CASH: { code: '1000', name: 'Cash', type: 'ASSET' },
  ACCOUNTS_RECEIVABLE: { code: '1100', name: 'Accounts receivable', type: 'ASSET' },
  INVENTORY: { code: '1200', name: 'Inventory', type: 'ASSET' },
  ACCOUNTS_PAYABLE: { code: '2000', name: 'Accounts payable', type: 'LIABILITY' },
  GOODS_RECEIVED_NOT_INVOICED: { code: '2100', name: 'Goods received not invoiced', type: 'LIABILITY' },
  TAX_PAYABLE: { code: '2200', name: 'Tax payable', type: 'LIABILITY' },
  CUSTOMER_DEPOSITS: { code: '2300', name: 'Customer deposits', type: 'LIABILITY' },
  REVENUE: { code: '4000', name: 'Revenue', type: 'INCOME' },
  COST_OF_GOODS_SOLD: { code: '5000', name: 'Cost of goods sold', type: 'EXPENSE' },
} as const;
export type LedgerAccount = keyof typeof CHART_OF_ACCOUNTS;

export interface LedgerLine {
  account: LedgerAccount;
  debit: Decimal;
  credit: Decimal;
}

export interface Posting {
  date: IsoDate;
  memo: string;
  lines: LedgerLine[];
}

const dr = (account: LedgerAccount, amount: DecimalLike): LedgerLine => ({ account, debit: money(amount), credit: ZERO });
const cr = (account: LedgerAccount, amount: DecimalLike): LedgerLine => ({ account, debit: ZERO, credit: money(amount) });

/** Every posting balances: Σ debits = Σ credits, no negative or empty line. A violation is a bug and throws. */
export function assertBalanced(p: Posting): Posting {
  const lines = p.lines.filter((l) => !l.debit.isZero() || !l.credit.isZero());
  if (lines.some((l) => l.debit.isNeg() || l.credit.isNeg())) throw new Error(`posting "${p.memo}" has a negative amount`);
  const debits = sumMoney(lines.map((l) => l.debit));
  if (!debits.eq(sumMoney(lines.map((l) => l.credit)))) throw new Error(`posting "${p.memo}" does not balance`);
  return { ...p, lines };
}

/**
 * Nothing posts on or before the end of the last closed period: PERIOD_CLOSED.
 * Otherwise the posting is checked to balance.
 */
export function post(p: Posting, closedThrough: IsoDate | null): Result<Posting, 'PERIOD_CLOSED'> {
  if (closedThrough !== null && p.date <= closedThrough) return refuse('PERIOD_CLOSED', `The books are closed through ${closedThrough}.`, ['date']);
  return ok(assertBalanced(p));
}

/** Invoice: Dr receivables (total) / Cr revenue (subtotal), Cr tax payable (tax). */
export function invoicePosting(i: { date: IsoDate; number: string; subtotal: DecimalLike; taxTotal: DecimalLike }): Posting {
  return assertBalanced({ date: i.date, memo: `Invoice ${i.number}`, lines: [dr('ACCOUNTS_RECEIVABLE', money(i.subtotal).plus(money(i.taxTotal))), cr('REVENUE', i.subtotal), cr('TAX_PAYABLE', i.taxTotal)] });
}

/** Payment: Dr cash (amount) / Cr receivables (what was applied), Cr customer deposits (what is unapplied). */
export function paymentPosting(p: { date: IsoDate; reference: string; applied: DecimalLike; unapplied: DecimalLike }): Posting {
  return assertBalanced({ date: p.date, memo: `Payment ${p.reference}`, lines: [dr('CASH', money(p.applied).plus(money(p.unapplied))), cr('ACCOUNTS_RECEIVABLE', p.applied), cr('CUSTOMER_DEPOSITS', p.unapplied)] });
}

/** Shipment at cost: Dr cost of goods sold / Cr inventory. */
export function shipmentPosting(s: { date: IsoDate; reference: string; cost: DecimalLike }): Posting {
  return assertBalanced({ date: s.date, memo: `Shipment ${s.reference}`, lines: [dr('COST_OF_GOODS_SOLD', s.cost), cr('INVENTORY', s.cost)] });
}

/** Stock receipt: Dr inventory / Cr goods received not invoiced. */
export function stockReceiptPosting(r: { date: IsoDate; reference: string; cost: DecimalLike }): Posting {
  return assertBalanced({ date: r.date, memo: `Receipt ${r.reference}`, lines: [dr('INVENTORY', r.cost), cr('GOODS_RECEIVED_NOT_INVOICED', r.cost)] });
}

/** Supplier bill: Dr goods received not invoiced / Cr payables. */
export function supplierBillPosting(b: { date: IsoDate; reference: string; amount: DecimalLike }): Posting {
  return assertBalanced({ date: b.date, memo: `Bill ${b.reference}`, lines: [dr('GOODS_RECEIVED_NOT_INVOICED', b.amount), cr('ACCOUNTS_PAYABLE', b.amount)] });
}

/** Supplier payment: Dr payables / Cr cash. */
export function supplierPaymentPosting(p: { date: IsoDate; reference: string; amount: DecimalLike }): Posting {
  return assertBalanced({ date: p.date, memo: `Supplier payment ${p.reference}`, lines: [dr('ACCOUNTS_PAYABLE', p.amount), cr('CASH', p.amount)] });
}

/** Each account's balance, debit minus credit (assets and expenses positive; liabilities and income negative). */
export function accountBalances(postings: readonly Posting[]): Record<LedgerAccount, Decimal> {
  const out = Object.fromEntries(Object.keys(CHART_OF_ACCOUNTS).map((k) => [k, ZERO])) as Record<LedgerAccount, Decimal>;
  for (const p of postings) for (const l of p.lines) out[l.account] = out[l.account].plus(l.debit).minus(l.credit);
  return out;
}

/** A trial balance: per account debit and credit totals; the two columns are equal when the ledger balances. */
export function trialBalance(postings: readonly Posting[]): { rows: { account: LedgerAccount; code: string; debit: Decimal; credit: Decimal }[]; debit: Decimal; credit: Decimal } {
  const balances = accountBalances(postings);
  const rows = (Object.keys(balances) as LedgerAccount[]).map((account) => {
    const b = balances[account];
    return { account, code: CHART_OF_ACCOUNTS[account].code, debit: b.gt(0) ? b : ZERO, credit: b.lt(0) ? b.neg() : ZERO };
  });
  return { rows, debit: sumMoney(rows.map((r) => r.debit)), credit: sumMoney(rows.map((r) => r.credit)) };
}
