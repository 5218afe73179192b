import fc from 'fast-check';
import { Decimal, formatMoney, sumMoney } from '../money';
import { commissionsByRep, DEFAULT_COMMISSION_RATE, type CommissionInvoice } from './rep-commissions';

const january = { from: '2025-01-01', to: '2025-01-31' };
const invoices: CommissionInvoice[] = [
  { ownerId: 'rep-b', subtotal: '100.00', paidOn: '2025-01-15' },
  { ownerId: 'rep-a', subtotal: '333.33', paidOn: '2025-01-31' },
  { ownerId: 'rep-a', subtotal: '0.10', paidOn: '2025-01-01' },
  { ownerId: 'rep-a', subtotal: '1000.00', paidOn: '2025-02-01' },
  { ownerId: 'rep-a', subtotal: '999.00', paidOn: '2024-12-31' },
  { ownerId: 'rep-b', subtotal: '50.00', paidOn: null },
];
const show = (r: ReturnType<typeof commissionsByRep>) => r.map((x) => [x.ownerId, formatMoney(x.paidRevenue), x.rate.toString(), formatMoney(x.amount)]);

it.each([
  [
    'the default 5 %',
    {},
    [
      ['rep-a', '333.43', '0.05', '16.67'],
      ['rep-b', '100.00', '0.05', '5.00'],
    ],
  ],
  [
    'a default of 10 %',
    { defaultRate: '0.1' },
    [
      ['rep-a', '333.43', '0.1', '33.34'],
      ['rep-b', '100.00', '0.1', '10.00'],
    ],
  ],
  [
    'a rep of its own',
    { rates: { 'rep-b': '0.075' } },
    [
      ['rep-a', '333.43', '0.05', '16.67'],
      ['rep-b', '100.00', '0.075', '7.50'],
    ],
  ],
  [
    'reps with nothing paid',
    { repIds: ['rep-c', 'rep-a'] },
    [
      ['rep-a', '333.43', '0.05', '16.67'],
      ['rep-b', '100.00', '0.05', '5.00'],
      ['rep-c', '0.00', '0.05', '0.00'],
    ],
  ],
])('pays January revenue per rep at %s', (_what, options, want) => {
  expect(show(commissionsByRep({ invoices, period: january, ...options }))).toEqual(want);
});

it('pays nothing for a period without paid invoices', () => {
  expect(commissionsByRep({ invoices, period: { from: '2023-01-01', to: '2023-12-31' } })).toEqual([]);
});

it.each(['-0.01', '1.01'])('throws on a rate of %s (a broken configuration)', (rate) => {
  expect(() => commissionsByRep({ invoices, period: january, defaultRate: rate })).toThrow(RangeError);
});

it('defaults to 5 %', () => expect(DEFAULT_COMMISSION_RATE).toBe('0.05'));

it('pays each rep within half a cent of rate × revenue, counting only invoices paid in the period (property)', () => {
  const invoice = fc.record({
    ownerId: fc.constantFrom('a', 'b', 'c', 'd'),
    subtotal: fc.integer({ min: 0, max: 1e9 }).map((c) => new Decimal(c).div(100)),
    paidOn: fc.option(fc.integer({ min: 1, max: 28 }).map((d) => `2025-02-${String(d).padStart(2, '0')}`)),
  });
  fc.assert(
    fc.property(fc.array(invoice, { maxLength: 40 }), fc.integer({ min: 0, max: 10_000 }), (list, bp) => {
      const rate = new Decimal(bp).div(10_000);
      const period = { from: '2025-02-08', to: '2025-02-21' };
      const result = commissionsByRep({ invoices: list, period, defaultRate: rate });
      const counted = list.filter((i) => i.paidOn !== null && i.paidOn >= period.from && i.paidOn <= period.to);
      expect(sumMoney(result.map((r) => r.paidRevenue)).eq(sumMoney(counted.map((i) => i.subtotal)))).toBe(true);
      for (const r of result) expect(r.amount.minus(r.paidRevenue.times(rate)).abs().lte('0.005')).toBe(true);
      expect(result.map((r) => r.ownerId)).toEqual([...new Set(counted.map((i) => i.ownerId))].sort());
    }),
  );
});
