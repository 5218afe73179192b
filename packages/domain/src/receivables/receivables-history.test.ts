import fc from 'fast-check';
import { addDays, Decimal, formatMoney, sumMoney } from '../money';
import { ageReceivablesAsOf, invoicesAsOf, type DatedAllocation, type IssuedInvoice } from './receivables-history';

const invoices: IssuedInvoice[] = [
  { invoiceId: 'i1', customerId: 'a', issueDate: '2025-01-01', dueDate: '2025-01-31', total: '100.00' },
  { invoiceId: 'i2', customerId: 'a', issueDate: '2025-02-01', dueDate: '2025-03-03', total: '200.00' },
  { invoiceId: 'i3', customerId: 'b', issueDate: '2025-03-20', dueDate: '2025-04-19', total: '400.00' },
];
const allocations: DatedAllocation[] = [
  { invoiceId: 'i1', amount: '40.00', receivedOn: '2025-02-10' },
  { invoiceId: 'i1', amount: '60.00', receivedOn: '2025-03-20' },
  { invoiceId: 'i2', amount: '50.00', receivedOn: '2025-03-15' },
];

describe('invoicesAsOf', () => {
  it('leaves out invoices issued later and payments received later', () => {
    expect(invoicesAsOf({ asOf: '2025-03-15', invoices, allocations }).map((i) => [i.invoiceId, formatMoney(i.paid)])).toEqual([
      ['i1', '40.00'],
      ['i2', '50.00'],
    ]);
  });

  it('counts what is issued and received on asOf itself', () => {
    expect(invoicesAsOf({ asOf: '2025-03-20', invoices, allocations }).map((i) => [i.invoiceId, formatMoney(i.paid)])).toEqual([
      ['i1', '100.00'],
      ['i2', '50.00'],
      ['i3', '0.00'],
    ]);
  });
});

describe('ageReceivablesAsOf', () => {
  const row = (asOf: string) => {
    const r = ageReceivablesAsOf({ asOf, invoices, allocations });
    return [
      formatMoney(r.total.total),
      ...r.customers.map((c) => `${c.customerId} ${formatMoney(c.notDue)} ${formatMoney(c.days1To30)} ${formatMoney(c.days31To60)} ${formatMoney(c.days61To90)} ${formatMoney(c.over90)}`),
    ];
  };

  it.each([
    ['2024-12-31', ['0.00']],
    ['2025-01-31', ['100.00', 'a 100.00 0.00 0.00 0.00 0.00']],
    ['2025-02-10', ['260.00', 'a 200.00 60.00 0.00 0.00 0.00']],
    ['2025-03-15', ['210.00', 'a 0.00 150.00 60.00 0.00 0.00']],
    ['2025-03-20', ['550.00', 'a 0.00 150.00 0.00 0.00 0.00', 'b 400.00 0.00 0.00 0.00 0.00']],
    ['2025-08-01', ['550.00', 'a 0.00 0.00 0.00 0.00 150.00', 'b 0.00 0.00 0.00 0.00 400.00']],
  ])('as of %s', (asOf, want) => expect(row(asOf)).toEqual(want));

  it('buckets add to rows, rows to the total, and the total is what was open at asOf (property)', () => {
    const arb = fc.array(
      fc.record({
        customerId: fc.constantFrom('a', 'b', 'c'),
        issuedDay: fc.integer({ min: 0, max: 300 }),
        terms: fc.constantFrom(0, 14, 30, 60),
        cents: fc.integer({ min: 1, max: 1_000_000 }),
        payments: fc.array(fc.record({ share: fc.integer({ min: 0, max: 50 }), afterDays: fc.integer({ min: 0, max: 200 }) }), { maxLength: 2 }), // at most the whole invoice,
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 500 }), (list, asOfDay) => {
        const start = '2025-01-01';
        const asOf = addDays(start, asOfDay);
        const invs: IssuedInvoice[] = [];
        const allocs: DatedAllocation[] = [];
        list.forEach((x, k) => {
          const issueDate = addDays(start, x.issuedDay);
          const total = new Decimal(x.cents).div(100);
          invs.push({ invoiceId: `i${k}`, customerId: x.customerId, issueDate, dueDate: addDays(issueDate, x.terms), total });
          for (const p of x.payments) allocs.push({ invoiceId: `i${k}`, amount: total.times(p.share).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN), receivedOn: addDays(issueDate, p.afterDays) });
        });
        const r = ageReceivablesAsOf({ asOf, invoices: invs, allocations: allocs });
        for (const c of r.customers) expect(sumMoney([c.notDue, c.days1To30, c.days31To60, c.days61To90, c.over90]).eq(c.total)).toBe(true);
        expect(sumMoney(r.customers.map((c) => c.total)).eq(r.total.total)).toBe(true);
        const open = invs
          .filter((i) => i.issueDate <= asOf)
          .map((i) => new Decimal(i.total as Decimal).minus(sumMoney(allocs.filter((a) => a.invoiceId === i.invoiceId && a.receivedOn <= asOf).map((a) => a.amount))));
        expect(r.total.total.eq(sumMoney(open))).toBe(true);
      }),
    );
  });
});
