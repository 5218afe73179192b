import fc from 'fast-check';
import { Decimal, formatMoney, ZERO } from '../money';
import { invoicePosting, paymentPosting, shipmentPosting, stockReceiptPosting, supplierBillPosting, supplierPaymentPosting, type LedgerPosting } from './ledger-postings';
import { accountBalances, trialBalance, trialBalanceOf } from './trial-balance';

const book: LedgerPosting[] = [
  stockReceiptPosting({ date: '2025-01-01', reference: 'R1', cost: '400.00' }),
  invoicePosting({ date: '2025-01-05', reference: 'I1', subtotal: '100.00', taxTotal: '20.00' }),
  shipmentPosting({ date: '2025-01-05', reference: 'S1', cost: '60.00' }),
  paymentPosting({ date: '2025-01-10', reference: 'P1', applied: '120.00', unapplied: '5.00' }),
  supplierBillPosting({ date: '2025-01-15', reference: 'B1', amount: '400.00' }),
  supplierPaymentPosting({ date: '2025-02-01', reference: 'Q1', amount: '400.00' }),
];

it.each([
  [
    null,
    {
      CASH: '-275.00',
      ACCOUNTS_RECEIVABLE: '0.00',
      INVENTORY: '340.00',
      ACCOUNTS_PAYABLE: '0.00',
      GOODS_RECEIVED_NOT_INVOICED: '0.00',
      TAX_PAYABLE: '-20.00',
      CUSTOMER_DEPOSITS: '-5.00',
      OPENING_BALANCES: '0.00',
      REVENUE: '-100.00',
      COST_OF_GOODS_SOLD: '60.00',
    },
  ],
  [
    '2025-01-05',
    {
      CASH: '0.00',
      ACCOUNTS_RECEIVABLE: '120.00',
      INVENTORY: '340.00',
      ACCOUNTS_PAYABLE: '0.00',
      GOODS_RECEIVED_NOT_INVOICED: '-400.00',
      TAX_PAYABLE: '-20.00',
      CUSTOMER_DEPOSITS: '0.00',
      OPENING_BALANCES: '0.00',
      REVENUE: '-100.00',
      COST_OF_GOODS_SOLD: '60.00',
    },
  ],
  [
    '2024-12-31',
    {
      CASH: '0.00',
      ACCOUNTS_RECEIVABLE: '0.00',
      INVENTORY: '0.00',
      ACCOUNTS_PAYABLE: '0.00',
      GOODS_RECEIVED_NOT_INVOICED: '0.00',
      TAX_PAYABLE: '0.00',
      CUSTOMER_DEPOSITS: '0.00',
      OPENING_BALANCES: '0.00',
      REVENUE: '0.00',
      COST_OF_GOODS_SOLD: '0.00',
    },
  ],
])('balances as of %s', (asOf, want) => {
  const b = accountBalances(book, asOf);
  expect(Object.fromEntries(Object.entries(b).map(([k, v]) => [k, formatMoney(v)]))).toEqual(want);
});

it('puts each net balance in its column, in code order, with equal totals', () => {
  const t = trialBalance(book, '2025-01-31');
  expect(t.asOf).toBe('2025-01-31');
  expect(t.lines.map((l) => [l.account.code, l.account.name, formatMoney(l.debit), formatMoney(l.credit), formatMoney(l.balance)])).toEqual([
    ['1000', 'Cash', '125.00', '0.00', '125.00'],
    ['1100', 'Accounts receivable', '0.00', '0.00', '0.00'],
    ['1200', 'Inventory', '340.00', '0.00', '340.00'],
    ['2000', 'Accounts payable', '0.00', '400.00', '-400.00'],
    ['2100', 'Goods received not invoiced', '0.00', '0.00', '0.00'],
    ['2200', 'Tax payable', '0.00', '20.00', '-20.00'],
    ['2300', 'Customer deposits', '0.00', '5.00', '-5.00'],
    ['3000', 'Opening balances and stock adjustments', '0.00', '0.00', '0.00'],
    ['4000', 'Revenue', '0.00', '100.00', '-100.00'],
    ['5000', 'Cost of goods sold', '60.00', '0.00', '60.00'],
  ]);
  expect(t.lines[0].account).toEqual({ key: 'CASH', code: '1000', name: 'Cash', type: 'ASSET' });
  expect([formatMoney(t.totalDebit), formatMoney(t.totalCredit)]).toEqual(['525.00', '525.00']);
  expect(trialBalance([]).asOf).toBeNull();
});

it('throws when a broken posting unbalances the ledger (a bug)', () => {
  const broken: LedgerPosting = { date: '2025-01-01', source: 'INVOICE', reference: 'x', memo: 'x', lines: [{ account: 'CASH', debit: new Decimal(1), credit: ZERO }] };
  expect(() => trialBalance([broken])).toThrow(/does not balance/);
});

it('debits equal credits as of any date over any sequence of postings (property)', () => {
  const amount = fc.integer({ min: 0, max: 1e8 }).map((c) => new Decimal(c).div(100));
  const date = fc.integer({ min: 1, max: 28 }).map((n) => `2025-03-${String(n).padStart(2, '0')}`);
  const posting = fc.oneof(
    fc.tuple(date, amount, amount).map(([d, a, b]) => invoicePosting({ date: d, reference: 'I', subtotal: a, taxTotal: b })),
    fc.tuple(date, amount, amount).map(([d, a, b]) => paymentPosting({ date: d, reference: 'P', applied: a, unapplied: b })),
    fc.tuple(date, amount).map(([d, a]) => shipmentPosting({ date: d, reference: 'S', cost: a })),
    fc.tuple(date, amount).map(([d, a]) => stockReceiptPosting({ date: d, reference: 'R', cost: a })),
    fc.tuple(date, amount).map(([d, a]) => supplierBillPosting({ date: d, reference: 'B', amount: a })),
    fc.tuple(date, amount).map(([d, a]) => supplierPaymentPosting({ date: d, reference: 'Q', amount: a })),
  );
  fc.assert(
    fc.property(fc.array(posting, { maxLength: 30 }), date, (postings, asOf) => {
      const t = trialBalance(postings, asOf);
      expect(t.totalDebit.eq(t.totalCredit)).toBe(true);
      for (const l of t.lines) expect(l.debit.minus(l.credit).eq(l.balance)).toBe(true);
    }),
  );
});

it('builds the same trial balance from balances summed elsewhere (the database)', () => {
  const fromBook = trialBalance(book, '2025-01-31');
  const summed = Object.fromEntries(fromBook.lines.map((l) => [l.account.key, l.balance.toFixed(2)]));
  expect(trialBalanceOf(summed, '2025-01-31')).toEqual(fromBook);
  expect(() => trialBalanceOf({ CASH: '1.00' })).toThrow(/does not balance/);
});
