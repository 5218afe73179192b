import fc from 'fast-check';
import { Decimal, formatMoney, sumMoney } from '../money';
import { balanceDue, daysOverdue, dueDate, invoiceStatus, isOverdue, planInvoice, type LineToInvoice } from './invoice-plan';
import { allocatePayment, type OpenInvoice } from './payment-allocation';

const l = (id: string, quantity: number, shippedQuantity: number, invoicedQuantity: number, unitPrice = '100.00', discountPercent = '10', taxRate = '0.2'): LineToInvoice => ({
  id, quantity, shippedQuantity, invoicedQuantity, unitPrice, discountPercent, taxRate,
});

describe('planInvoice', () => {
  it('bills shipped, not yet invoiced quantities with the due date from terms', () => {
    const r = planInvoice({ status: 'PARTIALLY_SHIPPED', issueDate: '2025-01-31', today: '2025-01-31', paymentTermsDays: 30, lines: [l('a', 3, 2, 0), l('b', 2, 0, 0, '19.99', '0', '0.075')] });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.dueDate).toBe('2025-03-02');
    expect(r.value.lines.map((x) => [x.lineId, x.quantity, formatMoney(x.net), formatMoney(x.tax)])).toEqual([['a', 2, '180.00', '36.00']]);
    expect(formatMoney(r.value.total)).toBe('216.00');
    expect(r.value.orderStatus).toBe('PARTIALLY_SHIPPED');
  });

  it('moves the order to INVOICED when everything is shipped and billed', () => {
    const r = planInvoice({ status: 'SHIPPED', issueDate: '2025-01-01', today: '2025-06-01', paymentTermsDays: 0, lines: [l('a', 3, 3, 2)] });
    expect(r.ok && [r.value.orderStatus, r.value.lines[0].quantity, r.value.dueDate]).toEqual(['INVOICED', 1, '2025-01-01']);
  });

  it.each([
    ['CONFIRMED', [l('a', 1, 0, 0)], 'NOTHING_TO_INVOICE'],
    ['INVOICED', [l('a', 1, 1, 1)], 'NOTHING_TO_INVOICE'],
    ['SHIPPED', [l('a', 1, 1, 1)], 'NOTHING_TO_INVOICE'],
    ['DRAFT', [l('a', 1, 0, 0)], 'INVALID_TRANSITION'],
    ['CANCELLED', [l('a', 1, 0, 0)], 'INVALID_TRANSITION'],
  ] as const)('refuses a %s order', (status, lines, code) => {
    expect(planInvoice({ status, issueDate: '2025-01-01', today: '2025-01-01', paymentTermsDays: 30, lines })).toMatchObject({ ok: false, code });
  });
});

it('refuses an issue date after today', () => {
  expect(planInvoice({ status: 'SHIPPED', issueDate: '2025-01-02', today: '2025-01-01', paymentTermsDays: 30, lines: [l('a', 1, 1, 0)] })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: ['issueDate'] });
});

describe('invoice facts', () => {
  it.each([['0.00', 'OPEN'], ['0.01', 'PARTIALLY_PAID'], ['99.99', 'PARTIALLY_PAID'], ['100.00', 'PAID']])('paid %s of 100.00 is %s', (amountPaid, status) => {
    expect(invoiceStatus({ total: '100.00', amountPaid })).toBe(status);
  });

  it.each([
    ['2025-03-01', '10.00', '2025-03-01', false, 0],
    ['2025-03-01', '10.00', '2025-03-02', true, 1],
    ['2025-03-01', '0.00', '2025-06-02', false, 0],
    ['2025-01-31', '0.01', '2025-03-15', true, 43],
  ])('due %s owing %s as of %s: overdue %s, %d days', (due, balanceDue, asOf, overdue, days) => {
    expect(isOverdue({ dueDate: due, balanceDue }, asOf)).toBe(overdue);
    expect(daysOverdue({ dueDate: due, balanceDue }, asOf)).toBe(days);
  });

  it('dates the due date by terms', () => expect(dueDate('2024-02-15', 14)).toBe('2024-02-29'));
  it('owes total minus paid', () => expect(formatMoney(balanceDue({ total: '100.00', amountPaid: '33.33' }))).toBe('66.67'));
});

describe('allocatePayment', () => {
  const invoices: OpenInvoice[] = [
    { id: 'new', dueDate: '2025-03-01', issueDate: '2025-02-01', balanceDue: '50.00' },
    { id: 'old', dueDate: '2025-02-01', issueDate: '2025-01-01', balanceDue: '30.00' },
  ];

  it('pays the oldest due first and leaves the rest unapplied', () => {
    const r = allocatePayment({ amount: '100.00', invoices });
    expect(r.ok && r.value.allocations.map((a) => [a.invoiceId, formatMoney(a.amount)])).toEqual([['old', '30.00'], ['new', '50.00']]);
    expect(r.ok && formatMoney(r.value.unapplied)).toBe('20.00');
  });

  it('pays part of the oldest when short', () => {
    const r = allocatePayment({ amount: '20.00', invoices });
    expect(r.ok && r.value.allocations.map((a) => [a.invoiceId, formatMoney(a.amount)])).toEqual([['old', '20.00']]);
  });

  it('applies to listed invoices only', () => {
    const r = allocatePayment({ amount: '60.00', invoices, requested: [{ invoiceId: 'new', amount: '50.00' }] });
    expect(r.ok && [r.value.allocations.length, formatMoney(r.value.unapplied)]).toEqual([1, '10.00']);
  });

  it.each([
    [{ amount: '0.00' }, ['amount']],
    [{ amount: '1.00', receivedOn: '2025-03-02', today: '2025-03-01' }, ['receivedOn']],
    [{ amount: '10.00', requested: [{ invoiceId: 'zzz', amount: '1.00' }] }, ['allocations', '0', 'invoiceId']],
    [{ amount: '100.00', requested: [{ invoiceId: 'old', amount: '30.01' }] }, ['allocations', '0', 'amount']],
    [{ amount: '10.00', requested: [{ invoiceId: 'old', amount: '10.00' }, { invoiceId: 'new', amount: '0.01' }] }, ['allocations', '1', 'amount']],
    [{ amount: '10.00', requested: [{ invoiceId: 'old', amount: '0.00' }] }, ['allocations', '0', 'amount']],
    [{ amount: '100.00', requested: [{ invoiceId: 'old', amount: '20.00' }, { invoiceId: 'old', amount: '20.00' }] }, ['allocations', '1', 'amount']],
  ])('refuses %j', (p, field) => {
    expect(allocatePayment({ invoices, ...p })).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field });
  });

  it('allocations + unapplied = amount, never over a balance (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 15 }), (cents, balances) => {
        const open = balances.map((b, i) => ({ id: `i${i}`, dueDate: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`, issueDate: '2025-01-01', balanceDue: new Decimal(b).div(100) }));
        const amount = new Decimal(cents).div(100);
        const r = allocatePayment({ amount, invoices: open });
        if (!r.ok) throw new Error(r.message);
        expect(sumMoney(r.value.allocations.map((a) => a.amount)).plus(r.value.unapplied).eq(amount)).toBe(true);
        for (const a of r.value.allocations) expect(a.amount.lte(open.find((o) => o.id === a.invoiceId)!.balanceDue)).toBe(true);
        expect(r.value.unapplied.gte(0)).toBe(true);
      }),
    );
  });
});
