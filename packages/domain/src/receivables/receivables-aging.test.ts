import fc from 'fast-check';
import { Decimal, formatMoney, sumMoney } from '../money';
import { addDays } from '../money/dates';
import { ageReceivables, agingBucket } from './receivables-aging';

describe('agingBucket', () => {
  it.each([
    [0, 'notDue'], [-5, 'notDue'], [1, 'days1To30'], [30, 'days1To30'], [31, 'days31To60'], [60, 'days31To60'], [61, 'days61To90'], [90, 'days61To90'], [91, 'over90'],
  ])('%d days past due is %s', (days, bucket) => {
    expect(agingBucket(addDays('2025-06-30', -days), '2025-06-30')).toBe(bucket);
  });
});

describe('ageReceivables', () => {
  it('buckets open balances per customer, less what was paid by asOf', () => {
    const r = ageReceivables({
      asOf: '2025-03-15',
      invoices: [
        { invoiceId: '1', customerId: 'a', dueDate: '2025-01-31', total: '100.00', paid: '0' },
        { invoiceId: '2', customerId: 'a', dueDate: '2025-03-02', total: '200.00', paid: '50.00' },
        { invoiceId: '3', customerId: 'b', dueDate: '2025-04-30', total: '400.00', paid: '0' },
        { invoiceId: '4', customerId: 'c', dueDate: '2024-01-01', total: '10.00', paid: '10.00' },
      ],
    });
    const fmt = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v instanceof Decimal ? formatMoney(v) : v]));
    expect(r.customers.map(fmt)).toEqual([
      { customerId: 'a', notDue: '0.00', days1To30: '150.00', days31To60: '100.00', days61To90: '0.00', over90: '0.00', total: '250.00' },
      { customerId: 'b', notDue: '400.00', days1To30: '0.00', days31To60: '0.00', days61To90: '0.00', over90: '0.00', total: '400.00' },
    ]);
    expect(formatMoney(r.total.total)).toBe('650.00');
    expect(formatMoney(r.total.days1To30)).toBe('150.00');
  });

  it('buckets sum to each row, rows to the grand total, which equals the open balances (property)', () => {
    const inv = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd'),
      daysPastDue: fc.integer({ min: -60, max: 400 }),
      totalCents: fc.integer({ min: 1, max: 10_000_000 }),
      paidShare: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(inv, { maxLength: 40 }), (list) => {
        const invoices = list.map((x, i) => {
          const total = new Decimal(x.totalCents).div(100);
          const paid = total.times(x.paidShare).div(100).toDecimalPlaces(2);
          return { invoiceId: String(i), customerId: x.customerId, dueDate: addDays('2025-06-30', -x.daysPastDue), total, paid };
        });
        const r = ageReceivables({ asOf: '2025-06-30', invoices });
        for (const row of r.customers) {
          expect(sumMoney([row.notDue, row.days1To30, row.days31To60, row.days61To90, row.over90]).eq(row.total)).toBe(true);
        }
        expect(sumMoney(r.customers.map((c) => c.total)).eq(r.total.total)).toBe(true);
        expect(r.total.total.eq(sumMoney(invoices.map((i) => i.total.minus(i.paid))))).toBe(true);
      }),
    );
  });
});
