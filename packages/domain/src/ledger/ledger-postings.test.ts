import fc from 'fast-check';
import { Decimal, formatMoney, sumMoney, ZERO } from '../money';
import { allocatePayment } from '../invoicing/payment-allocation';
import { assertBalanced, invoicePosting, paymentPosting, shipmentPosting, stockReceiptPosting, supplierBillPosting, supplierPaymentPosting, type LedgerPosting } from './ledger-postings';
import { accountBalances } from './trial-balance';

const amounts = (p: LedgerPosting) => p.lines.map((l) => [l.account, formatMoney(l.debit), formatMoney(l.credit)]);
const d = '2025-01-02';

describe('postings', () => {
  it.each([
    [
      'an invoice',
      invoicePosting({ date: d, reference: 'INV-1', subtotal: '309.98', taxTotal: '57.00' }),
      'INVOICE',
      [
        ['ACCOUNTS_RECEIVABLE', '366.98', '0.00'],
        ['REVENUE', '0.00', '309.98'],
        ['TAX_PAYABLE', '0.00', '57.00'],
      ],
    ],
    [
      'an invoice without tax',
      invoicePosting({ date: d, reference: 'INV-2', subtotal: '10.00', taxTotal: '0' }),
      'INVOICE',
      [
        ['ACCOUNTS_RECEIVABLE', '10.00', '0.00'],
        ['REVENUE', '0.00', '10.00'],
      ],
    ],
    [
      'a payment with unapplied cash',
      paymentPosting({ date: d, reference: 'W1', applied: '216.00', unapplied: '84.00' }),
      'PAYMENT',
      [
        ['CASH', '300.00', '0.00'],
        ['ACCOUNTS_RECEIVABLE', '0.00', '216.00'],
        ['CUSTOMER_DEPOSITS', '0.00', '84.00'],
      ],
    ],
    [
      'a fully applied payment',
      paymentPosting({ date: d, reference: 'W2', applied: '10.00', unapplied: '0' }),
      'PAYMENT',
      [
        ['CASH', '10.00', '0.00'],
        ['ACCOUNTS_RECEIVABLE', '0.00', '10.00'],
      ],
    ],
    [
      'an unapplied payment',
      paymentPosting({ date: d, reference: 'W3', applied: '0', unapplied: '5.00' }),
      'PAYMENT',
      [
        ['CASH', '5.00', '0.00'],
        ['CUSTOMER_DEPOSITS', '0.00', '5.00'],
      ],
    ],
    [
      'a shipment at cost',
      shipmentPosting({ date: d, reference: 'S1', cost: '120.00' }),
      'SHIPMENT',
      [
        ['COST_OF_GOODS_SOLD', '120.00', '0.00'],
        ['INVENTORY', '0.00', '120.00'],
      ],
    ],
    [
      'a stock receipt',
      stockReceiptPosting({ date: d, reference: 'R1', cost: '500.00' }),
      'STOCK_RECEIPT',
      [
        ['INVENTORY', '500.00', '0.00'],
        ['GOODS_RECEIVED_NOT_INVOICED', '0.00', '500.00'],
      ],
    ],
    [
      'a supplier bill',
      supplierBillPosting({ date: d, reference: 'B1', amount: '500.00' }),
      'SUPPLIER_BILL',
      [
        ['GOODS_RECEIVED_NOT_INVOICED', '500.00', '0.00'],
        ['ACCOUNTS_PAYABLE', '0.00', '500.00'],
      ],
    ],
    [
      'a supplier payment',
      supplierPaymentPosting({ date: d, reference: 'P1', amount: '500.00' }),
      'SUPPLIER_PAYMENT',
      [
        ['ACCOUNTS_PAYABLE', '500.00', '0.00'],
        ['CASH', '0.00', '500.00'],
      ],
    ],
  ])('%s', (_what, posting, source, lines) => {
    expect(posting).toMatchObject({ date: d, source });
    expect(amounts(posting)).toEqual(lines);
  });

  it('names the document in the memo', () => expect(invoicePosting({ date: d, reference: 'INV-9', subtotal: '1.00', taxTotal: '0.20' })).toMatchObject({ reference: 'INV-9', memo: 'Invoice INV-9' }));
});

describe('assertBalanced', () => {
  const one = new Decimal(1);
  const line = (account: 'CASH' | 'REVENUE', debit: Decimal, credit: Decimal) => ({ account, debit, credit });
  const posting = (lines: LedgerPosting['lines']): LedgerPosting => ({ date: d, source: 'INVOICE', reference: 'x', memo: 'x', lines });
  it.each([
    ['unbalanced', [line('CASH', one, ZERO)], /does not balance/],
    ['negative', [line('CASH', one.neg(), ZERO), line('REVENUE', ZERO, one.neg())], /negative/],
    ['fractions of a cent', [line('CASH', new Decimal('0.001'), ZERO), line('REVENUE', ZERO, new Decimal('0.001'))], /fraction of a cent/],
  ])('throws on a posting that is %s (a bug, not a refusal)', (_what, lines, message) => {
    expect(() => assertBalanced(posting(lines))).toThrow(message);
  });
  it('throws when a builder is handed a negative amount', () => expect(() => shipmentPosting({ date: d, reference: 'S', cost: '-1.00' })).toThrow(/negative/));
  it('drops zero lines', () => expect(assertBalanced(posting([line('CASH', one, ZERO), line('REVENUE', ZERO, one), line('CASH', ZERO, ZERO)])).lines).toHaveLength(2));
});

const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => new Decimal(c).div(100));

it('every kind of posting balances, whatever the amounts (property)', () => {
  fc.assert(
    fc.property(cents(1e10), cents(1e9), (a, b) => {
      const postings = [
        invoicePosting({ date: d, reference: 'I', subtotal: a, taxTotal: b }),
        paymentPosting({ date: d, reference: 'P', applied: a, unapplied: b }),
        shipmentPosting({ date: d, reference: 'S', cost: a }),
        stockReceiptPosting({ date: d, reference: 'R', cost: a }),
        supplierBillPosting({ date: d, reference: 'B', amount: a }),
        supplierPaymentPosting({ date: d, reference: 'Q', amount: a }),
      ];
      for (const p of postings) expect(sumMoney(p.lines.map((l) => l.debit)).eq(sumMoney(p.lines.map((l) => l.credit)))).toBe(true);
    }),
  );
});

it('over random invoices and payments, receivables equal the open invoice balances and deposits the unapplied cash (property)', () => {
  const step = fc.oneof(
    fc.record({ kind: fc.constant('invoice' as const), net: fc.integer({ min: 1, max: 1_000_000 }), taxBp: fc.integer({ min: 0, max: 2500 }) }),
    fc.record({ kind: fc.constant('payment' as const), cents: fc.integer({ min: 1, max: 1_500_000 }) }),
  );
  fc.assert(
    fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
      const postings: LedgerPosting[] = [];
      const open: { id: string; dueDate: string; issueDate: string; balanceDue: Decimal }[] = [];
      let unapplied = ZERO;
      steps.forEach((s, i) => {
        if (s.kind === 'invoice') {
          const subtotal = new Decimal(s.net).div(100);
          const tax = subtotal.times(s.taxBp).div(10_000).toDecimalPlaces(2);
          postings.push(invoicePosting({ date: '2025-01-01', reference: String(i), subtotal, taxTotal: tax }));
          open.push({ id: String(i), dueDate: `2025-02-${String((i % 28) + 1).padStart(2, '0')}`, issueDate: '2025-01-01', balanceDue: subtotal.plus(tax) });
        } else {
          const r = allocatePayment({ amount: new Decimal(s.cents).div(100), invoices: open.filter((o) => o.balanceDue.gt(0)) });
          if (!r.ok) throw new Error(r.message);
          for (const a of r.value.allocations) {
            const inv = open.find((o) => o.id === a.invoiceId)!;
            inv.balanceDue = inv.balanceDue.minus(a.amount);
          }
          unapplied = unapplied.plus(r.value.unapplied);
          postings.push(paymentPosting({ date: '2025-01-02', reference: String(i), applied: sumMoney(r.value.allocations.map((a) => a.amount)), unapplied: r.value.unapplied }));
        }
      });
      for (const p of postings) expect(sumMoney(p.lines.map((l) => l.debit)).eq(sumMoney(p.lines.map((l) => l.credit)))).toBe(true);
      const balances = accountBalances(postings);
      expect(balances.ACCOUNTS_RECEIVABLE.eq(sumMoney(open.map((o) => o.balanceDue)))).toBe(true);
      expect(balances.CUSTOMER_DEPOSITS.neg().eq(unapplied)).toBe(true);
    }),
  );
});
