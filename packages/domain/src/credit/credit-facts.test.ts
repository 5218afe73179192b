import fc from 'fast-check';
import { addDays, Decimal, formatMoney } from '../money';
import type { OrderStatus } from '../orders';
import { creditInputsFromLists, overdueFigures, sumOpenReceivables, sumUninvoicedOrders, type InvoiceOwed } from './credit-facts';
import { summarizeCredit } from './credit-position';

const inv = (status: InvoiceOwed['status'], balanceDue: string, dueDate: string, id = `${status}-${dueDate}-${balanceDue}`): InvoiceOwed => ({ id, status, balanceDue, dueDate });
const invoices = [inv('OPEN', '216.00', '2025-03-02'), inv('PARTIALLY_PAID', '50.00', '2025-01-31'), inv('PAID', '0.00', '2024-12-01'), inv('OPEN', '10.00', '2025-06-30')];
const orderLine = { quantity: 2, invoicedQuantity: 0, unitPrice: '19.99', discountPercent: '0', taxRate: '0.075' };

describe('sums from lists', () => {
  it('adds the balances of OPEN and PARTIALLY_PAID invoices', () => {
    expect(formatMoney(sumOpenReceivables(invoices))).toBe('276.00');
    expect(formatMoney(sumOpenReceivables([]))).toBe('0.00');
  });

  it.each([
    ['2025-01-31', '0.00', null, 0], // due today is not overdue
    ['2025-02-01', '50.00', '2025-01-31', 1],
    ['2025-03-03', '266.00', '2025-01-31', 31],
    ['2025-07-01', '276.00', '2025-01-31', 151],
  ])('as of %s: overdue %s since %s, %d days', (asOf, amount, oldest, days) => {
    const o = overdueFigures(invoices, asOf);
    expect([formatMoney(o.overdueAmount), o.oldestOverdueDueDate, o.maxDaysOverdue]).toEqual([amount, oldest, days]);
  });

  it('names the oldest overdue invoice by due date, then by the lowest id', () => {
    const o = overdueFigures([inv('OPEN', '1.00', '2025-01-02', 'a'), inv('OPEN', '1.00', '2025-01-01', 'c'), inv('PARTIALLY_PAID', '1.00', '2025-01-01', 'b')], '2025-03-01');
    expect([o.oldestOverdueInvoiceId, o.oldestOverdueDueDate]).toEqual(['b', '2025-01-01']);
    expect(overdueFigures(invoices, '2025-01-31').oldestOverdueInvoiceId).toBeNull();
  });

  it('ignores an OPEN invoice with nothing owed (a zero total): it is neither receivable nor overdue', () => {
    const o = overdueFigures([inv('OPEN', '0.00', '2024-01-01')], '2025-03-01');
    expect([formatMoney(o.overdueAmount), o.oldestOverdueInvoiceId, o.oldestOverdueDueDate, o.maxDaysOverdue]).toEqual(['0.00', null, null, 0]);
  });

  it.each([
    ['CONFIRMED', '42.98'],
    ['PARTIALLY_SHIPPED', '42.98'],
    ['SHIPPED', '42.98'],
    ['DRAFT', '0.00'],
    ['CANCELLED', '0.00'],
    ['INVOICED', '0.00'],
  ] as const)('values a %s order’s uninvoiced lines at %s', (status, want) => {
    expect(formatMoney(sumUninvoicedOrders([{ status, lines: [orderLine] }]))).toBe(want);
  });
});

describe('creditInputsFromLists', () => {
  it('gives summarizeCredit the contract’s figures', () => {
    const s = summarizeCredit(
      creditInputsFromLists({
        limit: '1000.00',
        onHold: false,
        invoices,
        unappliedPayments: ['84.00', '0.00'],
        asOf: '2025-02-01',
        orders: [
          { status: 'CONFIRMED', lines: [orderLine, { ...orderLine, quantity: 3, invoicedQuantity: 1 }] },
          { status: 'DRAFT', lines: [orderLine] },
        ],
      }),
    );
    expect([s.openReceivables, s.uninvoicedOrders, s.unappliedCredit, s.exposure, s.available!, s.overdueAmount].map(formatMoney)).toEqual(['276.00', '85.96', '84.00', '277.96', '722.04', '50.00']);
    expect([s.maxDaysOverdue, s.utilization!.toFixed(4), s.status]).toEqual([1, '0.2780', 'WARNING']);
  });

  it('holds a customer with an invoice more than 60 days past due, and keeps no limit as null', () => {
    const s = summarizeCredit(creditInputsFromLists({ limit: null, onHold: false, invoices: [inv('OPEN', '1.00', '2025-01-01')], orders: [], unappliedPayments: [], asOf: addDays('2025-01-01', 61) }));
    expect([s.limit, s.available, s.utilization, s.maxDaysOverdue, s.status]).toEqual([null, null, null, 61, 'ON_HOLD']);
  });

  it('agrees with the summed-dates path of summarizeCredit (property)', () => {
    const arbInvoice = fc.record({
      status: fc.constantFrom<InvoiceOwed['status']>('OPEN', 'PARTIALLY_PAID', 'PAID'),
      cents: fc.integer({ min: 0, max: 1_000_000 }),
      dueIn: fc.integer({ min: -200, max: 60 }),
    });
    const arbOrder = fc.record({
      status: fc.constantFrom<OrderStatus>('DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'INVOICED', 'CANCELLED'),
      quantity: fc.integer({ min: 1, max: 50 }),
      invoiced: fc.integer({ min: 0, max: 50 }),
      cents: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(arbInvoice, { maxLength: 10 }), fc.array(arbOrder, { maxLength: 6 }), fc.option(fc.integer({ min: 0, max: 5_000_000 })), fc.boolean(), (invs, ords, limitCents, onHold) => {
        const asOf = '2025-06-30';
        const invoices = invs.map((i) => inv(i.status, new Decimal(i.status === 'PAID' ? 0 : i.cents).div(100).toFixed(2), addDays(asOf, i.dueIn)));
        const orders = ords.map((o) => ({
          status: o.status,
          lines: [{ ...orderLine, quantity: o.quantity, invoicedQuantity: Math.min(o.invoiced, o.quantity), unitPrice: new Decimal(o.cents).div(100) }],
        }));
        const limit = limitCents === null ? null : new Decimal(limitCents).div(100);
        const fromLists = summarizeCredit(creditInputsFromLists({ limit, onHold, invoices, orders, unappliedPayments: [], asOf }));
        const o = overdueFigures(invoices, asOf);
        const fromDates = summarizeCredit({
          limit,
          onHold,
          openReceivables: sumOpenReceivables(invoices),
          uninvoicedOrders: sumUninvoicedOrders(orders),
          unappliedCredit: '0',
          overdueAmount: o.overdueAmount,
          oldestOverdueDueDate: o.oldestOverdueDueDate,
          asOf,
        });
        expect(fromLists).toEqual(fromDates);
        expect(fromLists.overdueAmount.lte(fromLists.openReceivables)).toBe(true);
      }),
    );
  });
});
