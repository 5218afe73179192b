import fc from 'fast-check';
import { Decimal, formatMoney } from '../money';
import { priceOrderLines } from '../pricing';
import { acceptQuote } from './quote-acceptance';
import type { QuoteLine } from './quote-submission';

const line = (discountPercent: string, over: Partial<QuoteLine> = {}): QuoteLine => ({ productId: 'p', quantity: 2, unitPrice: '50.00', discountPercent, taxRate: '0.2', ...over });

describe('acceptQuote', () => {
  it.each(['APPROVED', 'SENT'] as const)('turns a %s quote into the lines of a new order', (status) => {
    const r = acceptQuote({ status, validUntil: '2025-01-31', lines: [line('10'), line('0', { productId: 'q', quantity: 1 })] }, '2025-01-31');
    expect(r.ok && [r.value.status, r.value.orderLines, formatMoney(r.value.total)]).toEqual(['ACCEPTED', [line('10'), line('0', { productId: 'q', quantity: 1 })], '168.00']);
  });

  it('copies only what an order line needs', () => {
    const r = acceptQuote({ status: 'APPROVED', validUntil: '2025-01-31', lines: [{ ...line('0'), lineTotal: '1', id: 'ql-1' } as QuoteLine] }, '2025-01-01');
    expect(r.ok && Object.keys(r.value.orderLines[0]).sort()).toEqual(['discountPercent', 'productId', 'quantity', 'taxRate', 'unitPrice']);
  });

  it.each([
    ['APPROVED', '2025-01-30', /expired/],
    ['SENT', '2025-01-30', /expired/],
    ['DRAFT', '2025-02-28', /cannot accept/],
    ['PENDING_APPROVAL', '2025-02-28', /cannot accept/],
    ['ACCEPTED', '2025-02-28', /cannot accept/],
    ['REJECTED', '2025-02-28', /cannot accept/],
    ['EXPIRED', '2025-02-28', /cannot accept/],
  ] as const)('refuses a %s quote valid until %s', (status, validUntil, message) => {
    const r = acceptQuote({ status, validUntil, lines: [line('0')] }, '2025-01-31');
    expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(!r.ok && r.message).toMatch(message);
  });

  it('throws on an approved quote whose lines do not price (a broken invariant)', () => {
    expect(() => acceptQuote({ status: 'APPROVED', validUntil: '2025-02-28', lines: [line('0', { quantity: -1 })] }, '2025-01-01')).toThrow(/do not price/);
  });

  it('the new order totals what the quote did (property)', () => {
    const arbLine = fc.record({
      productId: fc.string({ minLength: 1, maxLength: 4 }),
      quantity: fc.integer({ min: 1, max: 500 }),
      unitPrice: fc.integer({ min: 0, max: 1_000_000 }).map((c) => new Decimal(c).div(100)),
      discountPercent: fc.integer({ min: 0, max: 100 }).map(String),
      taxRate: fc.constantFrom('0', '0.07', '0.2', '0.25'),
    });
    fc.assert(
      fc.property(fc.array(arbLine, { minLength: 1, maxLength: 6 }), (lines) => {
        const r = acceptQuote({ status: 'SENT', validUntil: '2025-12-31', lines }, '2025-06-30');
        if (!r.ok) throw new Error(r.message);
        const order = priceOrderLines(r.value.orderLines);
        expect(order.ok && order.value.total.eq(r.value.total)).toBe(true);
      }),
    );
  });
});
