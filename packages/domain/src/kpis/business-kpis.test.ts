import fc from 'fast-check';
import { Decimal, formatMoney, sumMoney } from '../money';
import { averageCustomerLifetimeValue, daysSalesOutstanding, revenueInPeriod } from './business-kpis';

const q1 = { from: '2025-01-01', to: '2025-03-31' };

it('sums the subtotals (net of tax) of invoices issued in the period, both ends included', () => {
  const invoices = [
    { issueDate: '2024-12-31', subtotal: '5.00' },
    { issueDate: '2025-01-01', subtotal: '10.00' },
    { issueDate: '2025-03-31', subtotal: '2.50' },
    { issueDate: '2025-04-01', subtotal: '7.00' },
  ];
  expect(formatMoney(revenueInPeriod(invoices, q1))).toBe('12.50');
  expect(formatMoney(revenueInPeriod([], q1))).toBe('0.00');
});

it.each([
  ['300.00', '900.00', q1, '30'],
  ['0', '900.00', q1, '0'],
  ['100.00', '300.00', { from: '2025-01-01', to: '2025-01-31' }, '10.3'],
  ['100.00', '0', q1, null],
  ['100.00', '-5.00', q1, null],
])('DSO with receivables %s on revenue %s over %j is %s', (receivables, revenue, period, want) => {
  expect(daysSalesOutstanding({ receivables, revenue, period })?.toString() ?? null).toBe(want);
});

it.each([
  [['100.00', '200.00', '0.01'], '100.00'],
  [['0.01', '0.01', '0.00'], '0.01'],
  [['0.00'], '0.00'],
  [[], null],
])('average lifetime value of %j is %s', (paid, want) => {
  const v = averageCustomerLifetimeValue(paid);
  expect(v === null ? null : formatMoney(v)).toBe(want);
});

it('average lifetime value times customers is the paid total within half a cent each (property)', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.integer({ min: 0, max: 1e9 }).map((c) => new Decimal(c).div(100)),
        { minLength: 1, maxLength: 30 },
      ),
      (paid) => {
        const avg = averageCustomerLifetimeValue(paid)!;
        expect(avg.times(paid.length).minus(sumMoney(paid)).abs().lte(new Decimal('0.005').times(paid.length))).toBe(true);
      },
    ),
  );
});
