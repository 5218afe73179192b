import fc from 'fast-check';
import { Decimal, formatMoney } from '../money';
import { priceOrderLines } from '../pricing';
import { ORDER_STATUSES_AWAITING_SHIPMENT, ORDER_STATUSES_WITH_EXPOSURE, orderUninvoicedValue, type LineNotYetInvoiced } from './order-value';
import type { OrderStatus } from './order-lifecycle';

const line = (quantity: number, invoicedQuantity: number, unitPrice = '100.00', discountPercent = '10', taxRate = '0.2'): LineNotYetInvoiced => ({
  quantity,
  invoicedQuantity,
  unitPrice,
  discountPercent,
  taxRate,
});

describe('orderUninvoicedValue', () => {
  it.each([
    ['a confirmed order, nothing invoiced', 'CONFIRMED', [line(3, 0)], '324.00'],
    ['a partly shipped order', 'PARTIALLY_SHIPPED', [line(3, 0), line(2, 0, '19.99', '0', '0.075')], '366.98'],
    ['a shipped order, part invoiced', 'SHIPPED', [line(3, 2)], '108.00'],
    ['a shipped order, all invoiced', 'SHIPPED', [line(3, 3)], '0.00'],
    ['a draft', 'DRAFT', [line(3, 0)], '0.00'],
    ['a cancelled order', 'CANCELLED', [line(3, 0)], '0.00'],
    ['an invoiced order', 'INVOICED', [line(3, 3)], '0.00'],
    ['lines priced one by one, rounded per line', 'CONFIRMED', [line(1, 0, '0.05', '0', '0.1'), line(1, 0, '0.05', '0', '0.1')], '0.12'],
  ] as const)('%s is worth %s to credit', (_what, status, lines, want) => {
    expect(formatMoney(orderUninvoicedValue({ status, lines }))).toBe(want);
  });

  it('counts exactly the contract’s statuses', () => expect(ORDER_STATUSES_WITH_EXPOSURE).toEqual(['CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED']));
  it('waits for shipment only while confirmed and not shipped in full', () => expect(ORDER_STATUSES_AWAITING_SHIPMENT).toEqual(['CONFIRMED', 'PARTIALLY_SHIPPED']));

  it('is the order total before anything is invoiced, and never negative (property)', () => {
    const arbLine = fc.record({
      quantity: fc.integer({ min: 1, max: 1000 }),
      invoicedShare: fc.integer({ min: 0, max: 100 }),
      unitPrice: fc.integer({ min: 0, max: 1_000_000 }).map((c) => new Decimal(c).div(100)),
      discountPercent: fc.integer({ min: 0, max: 100 }).map(String),
      taxRate: fc.constantFrom('0', '0.07', '0.2'),
    });
    fc.assert(
      fc.property(fc.array(arbLine, { minLength: 1, maxLength: 8 }), fc.constantFrom<OrderStatus>(...ORDER_STATUSES_WITH_EXPOSURE), (lines, status) => {
        const whole = orderUninvoicedValue({ status, lines: lines.map((l) => ({ ...l, invoicedQuantity: 0 })) });
        const priced = priceOrderLines(lines);
        expect(priced.ok && priced.value.total.eq(whole)).toBe(true);
        const part = orderUninvoicedValue({ status, lines: lines.map((l) => ({ ...l, invoicedQuantity: Math.floor((l.quantity * l.invoicedShare) / 100) })) });
        expect(part.gte(0) && part.lte(whole)).toBe(true);
      }),
    );
  });
});
