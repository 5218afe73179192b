import fc from 'fast-check';
import { Decimal, formatMoney, sumMoney } from '../money/decimal';
import { deriveOrderStatus, type OrderStatus } from '../orders/order-lifecycle';
import { balanceDue, daysOverdue, dueDate, INVOICE_STATUSES_OWING, invoiceStatus, isOverdue, planInvoice, type LineToInvoice } from './invoice-plan';

const l = (id: string, quantity: number, shippedQuantity: number, invoicedQuantity: number, unitPrice = '100.00', discountPercent = '10', taxRate = '0.2'): LineToInvoice => ({
  id,
  quantity,
  shippedQuantity,
  invoicedQuantity,
  unitPrice,
  discountPercent,
  taxRate,
});

describe('dueDate', () => {
  it.each([
    ['2025-01-31', 30, '2025-03-02'],
    ['2024-02-15', 14, '2024-02-29'],
    ['2025-12-15', 30, '2026-01-14'],
    ['2025-06-30', 0, '2025-06-30'],
    ['2025-01-01', 365, '2026-01-01'],
  ])('issued %s with %d days of terms is due %s', (issue, terms, want) => expect(dueDate(issue, terms)).toBe(want));

  it('throws on fractional terms (a broken invariant)', () => expect(() => dueDate('2025-01-01', 0.5)).toThrow(RangeError));
});

describe('balanceDue', () => {
  it.each([
    ['100.00', '0', '100.00'],
    ['100.00', '33.33', '66.67'],
    ['100.00', '100.00', '0.00'],
    ['100.00', '120.00', '-20.00'],
    ['0.30', '0.10', '0.20'],
  ])('total %s − paid %s = %s', (total, amountPaid, want) => expect(formatMoney(balanceDue({ total, amountPaid }))).toBe(want));
});

describe('invoiceStatus', () => {
  it('counts OPEN and PARTIALLY_PAID as the statuses that may owe', () => expect(INVOICE_STATUSES_OWING).toEqual(['OPEN', 'PARTIALLY_PAID']));

  it.each([
    ['100.00', '0.00', 'OPEN'],
    ['100.00', '0.01', 'PARTIALLY_PAID'],
    ['100.00', '99.99', 'PARTIALLY_PAID'],
    ['100.00', '100.00', 'PAID'],
    ['100.00', '100.01', 'PAID'],
    ['0.00', '0.00', 'OPEN'], // nothing paid on it: a payment never made it PAID
  ])('total %s with %s paid is %s', (total, amountPaid, status) => {
    expect(invoiceStatus({ total, amountPaid })).toBe(status);
  });
});

describe('isOverdue and daysOverdue', () => {
  it.each([
    ['due today', '2025-03-01', '10.00', '2025-03-01', false, 0],
    ['due tomorrow', '2025-03-02', '10.00', '2025-03-01', false, 0],
    ['due yesterday', '2025-03-01', '10.00', '2025-03-02', true, 1],
    ['paid in full long ago', '2025-03-01', '0.00', '2025-06-02', false, 0],
    ['overpaid', '2025-03-01', '-5.00', '2025-06-02', false, 0],
    ['one cent owed', '2025-01-31', '0.01', '2025-03-15', true, 43],
    ['61 days', '2025-04-30', '1.00', '2025-06-30', true, 61],
    ['across a year end', '2024-12-31', '1.00', '2025-01-01', true, 1],
  ])('%s (due %s, owing %s, as of %s): overdue %s, %d days', (_what, due, owing, asOf, overdue, days) => {
    expect(isOverdue({ dueDate: due, balanceDue: owing }, asOf)).toBe(overdue);
    expect(daysOverdue({ dueDate: due, balanceDue: owing }, asOf)).toBe(days);
  });
});

describe('planInvoice', () => {
  const today = '2025-01-31';

  it('bills shipped, not yet invoiced quantities, priced like the order, due by the terms', () => {
    const r = planInvoice({ status: 'PARTIALLY_SHIPPED', issueDate: today, today, paymentTermsDays: 30, lines: [l('a', 3, 2, 0), l('b', 2, 0, 0, '19.99', '0', '0.075')] });
    if (!r.ok) throw new Error(r.message);
    expect({
      ...r.value,
      lines: r.value.lines.map((x) => [x.lineId, x.quantity, formatMoney(x.net), formatMoney(x.tax)]),
      subtotal: formatMoney(r.value.subtotal),
      taxTotal: formatMoney(r.value.taxTotal),
      total: formatMoney(r.value.total),
    }).toEqual({
      issueDate: today,
      dueDate: '2025-03-02',
      lines: [['a', 2, '180.00', '36.00']],
      subtotal: '180.00',
      taxTotal: '36.00',
      total: '216.00',
      orderStatus: 'PARTIALLY_SHIPPED',
    });
  });

  it.each<[string, OrderStatus, LineToInvoice[], [string, number][], string, OrderStatus]>([
    [
      'the whole of a shipped order',
      'SHIPPED',
      [l('a', 3, 3, 0), l('b', 2, 2, 0, '19.99', '0', '0.075')],
      [
        ['a', 3],
        ['b', 2],
      ],
      '366.98',
      'INVOICED',
    ],
    ['the rest of a shipped order', 'SHIPPED', [l('a', 3, 3, 2)], [['a', 1]], '108.00', 'INVOICED'],
    ['a second shipment of a partly shipped order', 'PARTIALLY_SHIPPED', [l('a', 3, 2, 1), l('b', 1, 0, 0)], [['a', 1]], '108.00', 'PARTIALLY_SHIPPED'],
    ['everything shipped while one line was billed already', 'SHIPPED', [l('a', 3, 3, 3), l('b', 1, 1, 0)], [['b', 1]], '108.00', 'INVOICED'],
  ])('bills %s', (_what, status, lines, billed, total, orderStatus) => {
    const r = planInvoice({ status, issueDate: today, today, paymentTermsDays: 30, lines });
    if (!r.ok) throw new Error(r.message);
    expect([r.value.lines.map((x) => [x.lineId, x.quantity]), formatMoney(r.value.total), r.value.orderStatus]).toEqual([billed, total, orderStatus]);
  });

  it('may be dated in the past, and dues from that date', () => {
    const r = planInvoice({ status: 'SHIPPED', issueDate: '2025-01-01', today: '2025-06-01', paymentTermsDays: 0, lines: [l('a', 3, 3, 2)] });
    expect(r.ok && [r.value.issueDate, r.value.dueDate]).toEqual(['2025-01-01', '2025-01-01']);
  });

  it.each<[string, OrderStatus, LineToInvoice[], string, string, string]>([
    ['a confirmed order with nothing shipped', 'CONFIRMED', [l('a', 1, 0, 0)], today, 'NOTHING_TO_INVOICE', 'Everything shipped has been invoiced already.'],
    ['an invoiced order', 'INVOICED', [l('a', 1, 1, 1)], today, 'NOTHING_TO_INVOICE', 'Everything shipped has been invoiced already.'],
    ['a shipped order billed in full', 'SHIPPED', [l('a', 1, 1, 1)], today, 'NOTHING_TO_INVOICE', 'Everything shipped has been invoiced already.'],
    ['a partly shipped order whose shipment is billed', 'PARTIALLY_SHIPPED', [l('a', 2, 1, 1)], today, 'NOTHING_TO_INVOICE', 'Everything shipped has been invoiced already.'],
    ['a draft', 'DRAFT', [l('a', 1, 0, 0)], today, 'INVALID_TRANSITION', 'An order that is DRAFT cannot be invoiced.'],
    ['a cancelled order', 'CANCELLED', [l('a', 1, 0, 0)], today, 'INVALID_TRANSITION', 'An order that is CANCELLED cannot be invoiced.'],
    ['an issue date after today', 'SHIPPED', [l('a', 1, 1, 0)], '2025-02-01', 'BAD_USER_INPUT', 'An invoice cannot be issued in the future.'],
  ])('refuses %s', (_what, status, lines, issueDate, code, message) => {
    const r = planInvoice({ status, issueDate, today, paymentTermsDays: 30, lines });
    expect(r).toEqual({ ok: false, code, message, ...(code === 'BAD_USER_INPUT' ? { field: ['issueDate'] } : {}) });
  });

  it('bills each shipped unit exactly once over any run of shipments and invoices (property)', () => {
    const orderLines = fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 9 }), priceCents: fc.integer({ min: 0, max: 100_000 }) }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(orderLines, fc.array(fc.nat(), { maxLength: 12 }), (spec, steps) => {
        const lines = spec.map((s, i) => l(`l${i}`, s.quantity, 0, 0, new Decimal(s.priceCents).div(100).toFixed(2), '0', '0'));
        const billed = new Map<string, number>();
        for (const step of steps) {
          if (step % 2 === 0) {
            const line = lines[step % lines.length]; // ship one unit if any remains
            if (line.shippedQuantity < line.quantity) line.shippedQuantity += 1;
            continue;
          }
          const r = planInvoice({ status: deriveOrderStatus(lines), issueDate: today, today, paymentTermsDays: 30, lines });
          if (!r.ok) {
            expect(r.code).toBe('NOTHING_TO_INVOICE');
            expect(lines.every((x) => x.shippedQuantity === x.invoicedQuantity)).toBe(true);
            continue;
          }
          expect(r.value.subtotal.eq(sumMoney(r.value.lines.map((x) => x.net)))).toBe(true);
          expect(r.value.total.eq(r.value.subtotal.plus(r.value.taxTotal))).toBe(true);
          for (const x of r.value.lines) {
            const line = lines.find((y) => y.id === x.lineId)!;
            expect(x.quantity).toBe(line.shippedQuantity - line.invoicedQuantity);
            line.invoicedQuantity += x.quantity;
            billed.set(line.id, (billed.get(line.id) ?? 0) + x.quantity);
          }
          expect(r.value.orderStatus).toBe(deriveOrderStatus(lines));
        }
        for (const line of lines) {
          expect(line.invoicedQuantity).toBeLessThanOrEqual(line.shippedQuantity);
          expect(billed.get(line.id) ?? 0).toBe(line.invoicedQuantity);
        }
      }),
    );
  });
});

describe('invoice dates against the order and the back-dating window', () => {
  const shipped = [{ id: 'a', quantity: 1, shippedQuantity: 1, invoicedQuantity: 0, unitPrice: '10.00', discountPercent: '0', taxRate: '0' }];
  it.each([
    ['before the order', '2025-02-28', undefined, 'An invoice cannot be issued before its order (dated 2025-03-01).'],
    ['more than a year back', '2024-01-01', undefined, 'An invoice cannot be dated more than 365 days back (before 2024-06-30).'],
    ['outside a configured window', '2025-06-01', 7, 'An invoice cannot be dated more than 7 days back (before 2025-06-23).'],
  ])('refuses an issue date %s', (_what, issueDate, backdatingDays, message) => {
    const orderDate = issueDate < '2025-01-01' ? '2023-12-01' : '2025-03-01';
    expect(planInvoice({ status: 'SHIPPED', issueDate, orderDate, today: '2025-06-30', backdatingDays, paymentTermsDays: 30, lines: shipped })).toEqual({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: ['issueDate'],
      message,
      ...(message.includes('back') ? { details: expect.any(Object) } : {}),
    });
  });
  it('accepts an invoice issued on the order date', () => {
    expect(planInvoice({ status: 'SHIPPED', issueDate: '2025-03-01', orderDate: '2025-03-01', today: '2025-06-30', paymentTermsDays: 30, lines: shipped }).ok).toBe(true);
  });
});
