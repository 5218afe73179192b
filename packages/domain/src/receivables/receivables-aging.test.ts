import fc from 'fast-check';
import { addDays } from '../money/dates';
import { Decimal, formatMoney, sumMoney } from '../money/decimal';
import { ageReceivables, agingBucket, type AgingBuckets } from './receivables-aging';

const asOf = '2025-06-30';
const fmt = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v instanceof Decimal ? formatMoney(v) : v]));
const BUCKETS = ['notDue', 'days1To30', 'days31To60', 'days61To90', 'over90'] as const;

describe('agingBucket', () => {
  it.each([
    [-5, 'notDue'],
    [0, 'notDue'], // due today is not yet past due
    [1, 'days1To30'],
    [30, 'days1To30'],
    [31, 'days31To60'],
    [60, 'days31To60'],
    [61, 'days61To90'],
    [90, 'days61To90'],
    [91, 'over90'],
    [1000, 'over90'],
  ])('%d days past due is %s', (days, bucket) => {
    expect(agingBucket(addDays(asOf, -days), asOf)).toBe(bucket);
  });

  it.each([
    ['2024-02-29', '2024-03-30', 'days1To30'], // 30 days across a leap day
    ['2024-02-29', '2024-03-31', 'days31To60'],
    ['2024-12-31', '2025-03-31', 'days61To90'], // 90 days across a year end
    ['2024-12-31', '2025-04-01', 'over90'],
  ])('due %s as of %s is %s', (due, at, bucket) => expect(agingBucket(due, at)).toBe(bucket));
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
    expect(r.customers.map(fmt)).toEqual([
      { customerId: 'a', notDue: '0.00', days1To30: '150.00', days31To60: '100.00', days61To90: '0.00', over90: '0.00', total: '250.00' },
      { customerId: 'b', notDue: '400.00', days1To30: '0.00', days31To60: '0.00', days61To90: '0.00', over90: '0.00', total: '400.00' },
    ]);
    expect(fmt(r.total)).toEqual({ notDue: '400.00', days1To30: '150.00', days31To60: '100.00', days61To90: '0.00', over90: '0.00', total: '650.00' });
  });

  it('puts one invoice at each boundary into its bucket', () => {
    const days = [0, 1, 30, 31, 60, 61, 90, 91];
    const r = ageReceivables({ asOf, invoices: days.map((d, i) => ({ invoiceId: String(i), customerId: 'a', dueDate: addDays(asOf, -d), total: `${10 ** i}.00`, paid: '0' })) });
    expect(fmt(r.customers[0])).toEqual({ customerId: 'a', notDue: '1.00', days1To30: '110.00', days31To60: '11000.00', days61To90: '1100000.00', over90: '10000000.00', total: '11111111.00' });
  });

  it.each([
    ['nothing at all', []],
    ['only paid invoices', [{ invoiceId: '1', customerId: 'a', dueDate: '2025-01-01', total: '10.00', paid: '10.00' }]],
    ['an overpaid invoice', [{ invoiceId: '1', customerId: 'a', dueDate: '2025-01-01', total: '10.00', paid: '12.00' }]],
  ])('is all zeros with %s, and leaves such customers out', (_what, invoices) => {
    const r = ageReceivables({ asOf, invoices });
    expect(r.customers).toEqual([]);
    expect(fmt(r.total)).toEqual({ notDue: '0.00', days1To30: '0.00', days31To60: '0.00', days61To90: '0.00', over90: '0.00', total: '0.00' });
  });

  it('does not let one invoice’s overpayment reduce another’s balance', () => {
    const r = ageReceivables({
      asOf,
      invoices: [
        { invoiceId: '1', customerId: 'a', dueDate: asOf, total: '10.00', paid: '15.00' },
        { invoiceId: '2', customerId: 'a', dueDate: asOf, total: '10.00', paid: '0' },
      ],
    });
    expect(formatMoney(r.total.total)).toBe('10.00');
  });

  it('buckets sum to each row’s total, rows to the grand total, which equals the open balances (property)', () => {
    const inv = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd'),
      daysPastDue: fc.integer({ min: -60, max: 400 }),
      totalCents: fc.integer({ min: 1, max: 10_000_000 }),
      paidCents: fc.integer({ min: 0, max: 11_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(inv, { maxLength: 40 }), (list) => {
        const invoices = list.map((x, i) => ({
          invoiceId: String(i),
          customerId: x.customerId,
          dueDate: addDays(asOf, -x.daysPastDue),
          total: new Decimal(x.totalCents).div(100),
          paid: new Decimal(Math.min(x.paidCents, x.totalCents + 100)).div(100),
        }));
        const r = ageReceivables({ asOf, invoices });
        const open = (i: (typeof invoices)[number]) => Decimal.max(0, i.total.minus(i.paid));
        for (const row of r.customers) {
          expect(sumMoney(BUCKETS.map((b) => row[b])).eq(row.total)).toBe(true);
          expect(row.total.gt(0)).toBe(true);
          expect(row.total.eq(sumMoney(invoices.filter((i) => i.customerId === row.customerId).map(open)))).toBe(true);
        }
        for (const k of [...BUCKETS, 'total'] as (keyof AgingBuckets)[]) expect(sumMoney(r.customers.map((c) => c[k])).eq(r.total[k])).toBe(true);
        expect(r.total.total.eq(sumMoney(invoices.map(open)))).toBe(true);
        expect(new Set(r.customers.map((c) => c.customerId)).size).toBe(r.customers.length);
      }),
    );
  });
});
