import fc from 'fast-check';
import { Decimal, formatMoney, sumMoney } from '../money';
import { allocatePayment } from '../invoicing/payment-allocation';
import {
  accountBalances, assertBalanced, invoicePosting, paymentPosting, post, shipmentPosting, stockReceiptPosting, supplierBillPosting, supplierPaymentPosting, trialBalance,
  type Posting,
} from './ledger-postings';

const amounts = (p: Posting) => p.lines.map((l) => [l.account, formatMoney(l.debit), formatMoney(l.credit)]);

describe('postings', () => {
  it.each([
    ['an invoice', invoicePosting({ date: '2025-01-01', number: 'INV-1', subtotal: '309.98', taxTotal: '57.00' }), [['ACCOUNTS_RECEIVABLE', '366.98', '0.00'], ['REVENUE', '0.00', '309.98'], ['TAX_PAYABLE', '0.00', '57.00']]],
    ['a payment with unapplied cash', paymentPosting({ date: '2025-01-02', reference: 'W1', applied: '216.00', unapplied: '84.00' }), [['CASH', '300.00', '0.00'], ['ACCOUNTS_RECEIVABLE', '0.00', '216.00'], ['CUSTOMER_DEPOSITS', '0.00', '84.00']]],
    ['a fully applied payment', paymentPosting({ date: '2025-01-02', reference: 'W2', applied: '10.00', unapplied: '0' }), [['CASH', '10.00', '0.00'], ['ACCOUNTS_RECEIVABLE', '0.00', '10.00']]],
    ['a shipment at cost', shipmentPosting({ date: '2025-01-02', reference: 'S1', cost: '120.00' }), [['COST_OF_GOODS_SOLD', '120.00', '0.00'], ['INVENTORY', '0.00', '120.00']]],
    ['a stock receipt', stockReceiptPosting({ date: '2025-01-02', reference: 'R1', cost: '500.00' }), [['INVENTORY', '500.00', '0.00'], ['GOODS_RECEIVED_NOT_INVOICED', '0.00', '500.00']]],
    ['a supplier bill', supplierBillPosting({ date: '2025-01-02', reference: 'B1', amount: '500.00' }), [['GOODS_RECEIVED_NOT_INVOICED', '500.00', '0.00'], ['ACCOUNTS_PAYABLE', '0.00', '500.00']]],
    ['a supplier payment', supplierPaymentPosting({ date: '2025-01-02', reference: 'P1', amount: '500.00' }), [['ACCOUNTS_PAYABLE', '500.00', '0.00'], ['CASH', '0.00', '500.00']]],
  ])('%s', (_what, posting, lines) => expect(amounts(posting)).toEqual(lines));

  it('throws on an unbalanced or negative posting (a bug, not a refusal)', () => {
    const d = new Decimal(1);
    expect(() => assertBalanced({ date: '2025-01-01', memo: 'x', lines: [{ account: 'CASH', debit: d, credit: new Decimal(0) }] })).toThrow(/does not balance/);
    expect(() => assertBalanced({ date: '2025-01-01', memo: 'x', lines: [{ account: 'CASH', debit: d.neg(), credit: new Decimal(0) }, { account: 'REVENUE', debit: new Decimal(0), credit: d.neg() }] })).toThrow(/negative/);
  });

  it.each([
    ['2025-01-31', '2025-01-31', false],
    ['2025-01-30', '2025-01-31', false],
    ['2025-02-01', '2025-01-31', true],
    ['1999-01-01', null, true],
  ])('posts on %s with the books closed through %s: %s', (date, closed, posts) => {
    const r = post(invoicePosting({ date, number: 'I', subtotal: '1.00', taxTotal: '0.00' }), closed);
    if (posts) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, code: 'PERIOD_CLOSED' });
  });

  it('balances the trial balance', () => {
    const t = trialBalance([invoicePosting({ date: '2025-01-01', number: 'I', subtotal: '100.00', taxTotal: '20.00' }), paymentPosting({ date: '2025-01-02', reference: 'P', applied: '120.00', unapplied: '5.00' })]);
    expect([formatMoney(t.debit), formatMoney(t.credit)]).toEqual(['125.00', '125.00']);
    expect(t.rows.find((r) => r.account === 'CUSTOMER_DEPOSITS')).toMatchObject({ code: '2300' });
  });
});

it('over random invoices and payments every posting balances and receivables equal the open invoice balances (property)', () => {
  const step = fc.oneof(
    fc.record({ kind: fc.constant('invoice' as const), net: fc.integer({ min: 1, max: 1_000_000 }), taxBp: fc.integer({ min: 0, max: 2500 }) }),
    fc.record({ kind: fc.constant('payment' as const), cents: fc.integer({ min: 1, max: 1_500_000 }) }),
  );
  fc.assert(
    fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const postings: Posting[] = [];
      const open: { id: string; dueDate: string; issueDate: string; balanceDue: Decimal }[] = [];
      steps.forEach((s, i) => {
        if (s.kind === 'invoice') {
          const subtotal = new Decimal(s.net).div(100);
          const tax = subtotal.times(s.taxBp).div(10_000).toDecimalPlaces(2);
          postings.push(invoicePosting({ date: '2025-01-01', number: String(i), subtotal, taxTotal: tax }));
          open.push({ id: String(i), dueDate: `2025-02-${String((i % 28) + 1).padStart(2, '0')}`, issueDate: '2025-01-01', balanceDue: subtotal.plus(tax) });
        } else {
          const r = allocatePayment({ amount: new Decimal(s.cents).div(100), invoices: open.filter((o) => o.balanceDue.gt(0)) });
          if (!r.ok) throw new Error(r.message);
          for (const a of r.value.allocations) {
            const inv = open.find((o) => o.id === a.invoiceId)!;
            inv.balanceDue = inv.balanceDue.minus(a.amount);
          }
          postings.push(paymentPosting({ date: '2025-01-02', reference: String(i), applied: sumMoney(r.value.allocations.map((a) => a.amount)), unapplied: r.value.unapplied }));
        }
      });
      for (const p of postings) expect(sumMoney(p.lines.map((l) => l.debit)).eq(sumMoney(p.lines.map((l) => l.credit)))).toBe(true);
      expect(accountBalances(postings).ACCOUNTS_RECEIVABLE.eq(sumMoney(open.map((o) => o.balanceDue)))).toBe(true);
    }),
  );
});
