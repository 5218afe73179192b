import { money, sumMoney, ZERO, type Decimal, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import type { LedgerAccount } from './chart-of-accounts';

export type LedgerSource = 'INVOICE' | 'PAYMENT' | 'SHIPMENT' | 'STOCK_RECEIPT' | 'STOCK_ADJUSTMENT' | 'SUPPLIER_BILL' | 'SUPPLIER_PAYMENT';

/** Every source, for filters and enums. */
export const LEDGER_SOURCES: readonly LedgerSource[] = ['INVOICE', 'PAYMENT', 'SHIPMENT', 'STOCK_RECEIPT', 'STOCK_ADJUSTMENT', 'SUPPLIER_BILL', 'SUPPLIER_PAYMENT'];

export interface LedgerLine {
  account: LedgerAccount;
  debit: Decimal;
  credit: Decimal;
}

export interface LedgerPosting {
  /** the accounting date */
  date: IsoDate;
  source: LedgerSource;
  /** the business document's number or id */
  reference: string;
  memo: string;
  lines: LedgerLine[];
}

const dr = (account: LedgerAccount, amount: DecimalLike): LedgerLine => ({ account, debit: money(amount), credit: ZERO });
const cr = (account: LedgerAccount, amount: DecimalLike): LedgerLine => ({ account, debit: ZERO, credit: money(amount) });

/**
 * Every posting balances: Σ debits = Σ credits, each line in whole cents and
 * not negative; lines of zero are dropped. A violation is a bug, never a
 * refusal, and throws.
 */
export function assertBalanced(p: LedgerPosting): LedgerPosting {
  const lines = p.lines.filter((l) => !l.debit.isZero() || !l.credit.isZero());
  for (const l of lines) {
    if (l.debit.isNeg() || l.credit.isNeg()) throw new Error(`posting "${p.memo}" has a negative amount on ${l.account}`);
    if (l.debit.decimalPlaces() > 2 || l.credit.decimalPlaces() > 2) throw new Error(`posting "${p.memo}" has a fraction of a cent on ${l.account}`);
  }
  const debits = sumMoney(lines.map((l) => l.debit));
  const credits = sumMoney(lines.map((l) => l.credit));
  if (!debits.eq(credits)) throw new Error(`posting "${p.memo}" does not balance: debits ${debits.toFixed(2)}, credits ${credits.toFixed(2)}`);
  return { ...p, lines };
}

/** Invoice: Dr accounts receivable (total) / Cr revenue (subtotal), Cr tax payable (tax total). */
export function invoicePosting(i: { date: IsoDate; reference: string; subtotal: DecimalLike; taxTotal: DecimalLike }): LedgerPosting {
  const total = money(i.subtotal).plus(money(i.taxTotal));
  return assertBalanced({
    date: i.date,
    source: 'INVOICE',
    reference: i.reference,
    memo: `Invoice ${i.reference}`,
    lines: [dr('ACCOUNTS_RECEIVABLE', total), cr('REVENUE', i.subtotal), cr('TAX_PAYABLE', i.taxTotal)],
  });
}

/** Customer payment: Dr cash (the amount received) / Cr accounts receivable (what was applied to invoices), Cr customer deposits (what is left unapplied). */
export function paymentPosting(p: { date: IsoDate; reference: string; applied: DecimalLike; unapplied: DecimalLike }): LedgerPosting {
  const amount = money(p.applied).plus(money(p.unapplied));
  return assertBalanced({
    date: p.date,
    source: 'PAYMENT',
    reference: p.reference,
    memo: `Payment ${p.reference}`,
    lines: [dr('CASH', amount), cr('ACCOUNTS_RECEIVABLE', p.applied), cr('CUSTOMER_DEPOSITS', p.unapplied)],
  });
}

/** Shipment, at cost: Dr cost of goods sold / Cr inventory. */
export function shipmentPosting(s: { date: IsoDate; reference: string; cost: DecimalLike }): LedgerPosting {
  return assertBalanced({ date: s.date, source: 'SHIPMENT', reference: s.reference, memo: `Shipment ${s.reference}`, lines: [dr('COST_OF_GOODS_SOLD', s.cost), cr('INVENTORY', s.cost)] });
}

/** Stock receipt from a supplier, at cost: Dr inventory / Cr goods received not invoiced. */
export function stockReceiptPosting(r: { date: IsoDate; reference: string; cost: DecimalLike }): LedgerPosting {
  return assertBalanced({ date: r.date, source: 'STOCK_RECEIPT', reference: r.reference, memo: `Receipt ${r.reference}`, lines: [dr('INVENTORY', r.cost), cr('GOODS_RECEIVED_NOT_INVOICED', r.cost)] });
}

/** Stock that enters without a supplier (opening stock, a warehouse count), at cost: Dr inventory / Cr opening balances and stock adjustments. */
export function stockAdjustmentPosting(a: { date: IsoDate; reference: string; cost: DecimalLike }): LedgerPosting {
  return assertBalanced({
    date: a.date,
    source: 'STOCK_ADJUSTMENT',
    reference: a.reference,
    memo: `Stock adjustment ${a.reference}`,
    lines: [dr('INVENTORY', a.cost), cr('OPENING_BALANCES', a.cost)],
  });
}

/** Supplier bill: Dr goods received not invoiced / Cr accounts payable. */
export function supplierBillPosting(b: { date: IsoDate; reference: string; amount: DecimalLike }): LedgerPosting {
  return assertBalanced({
    date: b.date,
    source: 'SUPPLIER_BILL',
    reference: b.reference,
    memo: `Bill ${b.reference}`,
    lines: [dr('GOODS_RECEIVED_NOT_INVOICED', b.amount), cr('ACCOUNTS_PAYABLE', b.amount)],
  });
}

/** Supplier payment: Dr accounts payable / Cr cash. */
export function supplierPaymentPosting(p: { date: IsoDate; reference: string; amount: DecimalLike }): LedgerPosting {
  return assertBalanced({ date: p.date, source: 'SUPPLIER_PAYMENT', reference: p.reference, memo: `Supplier payment ${p.reference}`, lines: [dr('ACCOUNTS_PAYABLE', p.amount), cr('CASH', p.amount)] });
}
