import fc from 'fast-check';
import { Decimal, formatMoney } from '../money';
import { priceOrderLines } from '../pricing';
import { DEFAULT_QUOTE_VALIDITY_DAYS, priceQuote, submitQuote, type QuoteLine } from './quote-submission';

const line = (discountPercent: string, over: Partial<QuoteLine> = {}): QuoteLine => ({ productId: 'p', quantity: 2, unitPrice: '50.00', discountPercent, taxRate: '0.2', ...over });
const base = { status: 'DRAFT' as const, lines: [line('0')], validUntil: '2025-02-01', today: '2025-01-01' };

describe('submitQuote', () => {
  it.each([
    [[line('10')], undefined, 'APPROVED', false],
    [[line('15')], undefined, 'APPROVED', false],
    [[line('10'), line('20')], undefined, 'PENDING_APPROVAL', true],
    [[line('20')], '20', 'APPROVED', false],
  ])('%j with limit %s → %s', (lines, repDiscountLimit, status, requiresApproval) => {
    const r = submitQuote({ ...base, lines, repDiscountLimit });
    expect(r).toMatchObject({ ok: true, value: { status, requiresApproval, validUntil: '2025-02-01' } });
  });

  it('prices the quote like an order', () => {
    const r = submitQuote({ ...base, lines: [line('10'), line('0', { quantity: 3, unitPrice: '19.99', taxRate: '0.07' })] });
    expect(r.ok && [r.value.priced.lines.map((l) => formatMoney(l.net)), formatMoney(r.value.priced.subtotal), formatMoney(r.value.priced.taxTotal), formatMoney(r.value.priced.total)]).toEqual([
      ['90.00', '59.97'],
      '149.97',
      '22.20',
      '172.17',
    ]);
  });

  it.each([undefined, null])('defaults the validity to %s days ahead when none is given (%s)', (validUntil) => {
    expect(DEFAULT_QUOTE_VALIDITY_DAYS).toBe(30);
    expect(submitQuote({ ...base, validUntil })).toMatchObject({ ok: true, value: { validUntil: '2025-01-31' } });
  });

  it('accepts a quote valid through today', () => expect(submitQuote({ ...base, validUntil: '2025-01-01' }).ok).toBe(true));

  it.each([
    [{ status: 'SENT' as const }, 'INVALID_TRANSITION', undefined],
    [{ status: 'PENDING_APPROVAL' as const }, 'INVALID_TRANSITION', undefined],
    [{ validUntil: '2024-12-31' }, 'BAD_USER_INPUT', ['validUntil']],
    [{ validUntil: '2025-02-30' }, 'BAD_USER_INPUT', ['validUntil']],
    [{ lines: [line('0', { quantity: 0 })] }, 'BAD_USER_INPUT', ['lines', '0', 'quantity']],
    [{ lines: [line('0'), line('101')] }, 'BAD_USER_INPUT', ['lines', '1', 'discountPercent']],
    [{ lines: [] }, 'BAD_USER_INPUT', ['lines']],
  ])('refuses %j', (over, code, field) => {
    const r = submitQuote({ ...base, ...over });
    expect(r).toMatchObject({ ok: false, code });
    if (!r.ok) expect(r.field).toEqual(field);
  });

  it('totals exactly as an order would, and total = subtotal + tax (property)', () => {
    const arbLine = fc.record({
      productId: fc.constant('p'),
      quantity: fc.integer({ min: 1, max: 1000 }),
      unitPrice: fc.integer({ min: 0, max: 10_000_000 }).map((c) => new Decimal(c).div(100)),
      discountPercent: fc.integer({ min: 0, max: 10_000 }).map((b) => new Decimal(b).div(100)),
      taxRate: fc.integer({ min: 0, max: 10_000 }).map((b) => new Decimal(b).div(10_000)),
    });
    fc.assert(
      fc.property(fc.array(arbLine, { minLength: 1, maxLength: 8 }), (lines) => {
        const r = submitQuote({ ...base, lines });
        const order = priceOrderLines(lines);
        if (!r.ok || !order.ok) throw new Error('valid lines were refused');
        expect(r.value.priced.total.eq(order.value.total)).toBe(true);
        expect(r.value.priced.total.eq(r.value.priced.subtotal.plus(r.value.priced.taxTotal))).toBe(true);
        expect(r.value.priced.total.decimalPlaces()).toBeLessThanOrEqual(2);
        expect(priceQuote(lines)).toEqual(order);
      }),
    );
  });
});
