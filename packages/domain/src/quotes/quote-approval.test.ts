import fc from 'fast-check';
import { Decimal } from '../money';
import { approveQuote, checkOrderConcessions, concessionsNeedingApproval, DEFAULT_REP_DISCOUNT_LIMIT, needsApproval } from './quote-approval';

const lines = (...discounts: string[]) => discounts.map((discountPercent) => ({ discountPercent }));

describe('needsApproval', () => {
  it.each([
    [['0'], undefined, false],
    [['15'], undefined, false],
    [['15.0001'], undefined, true],
    [['0', '40'], undefined, true],
    [['20'], '25', false],
    [['25.5'], '25', true],
    [['0.01'], '0', true],
    [[], undefined, false],
  ])('discounts %j against limit %s need approval: %s', (d, limit, want) => {
    expect(needsApproval(lines(...d), limit)).toBe(want);
  });

  it('defaults to a 15 % limit', () => expect(DEFAULT_REP_DISCOUNT_LIMIT).toBe('15'));

  it.each(['-1', '100.01'])('throws on a configured limit of %s (a broken configuration)', (limit) => {
    expect(() => needsApproval(lines('1'), limit)).toThrow(RangeError);
  });

  it('needs approval exactly when the largest discount is over the limit (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 10_000 }), (bps, limitBp) => {
        const d = bps.map((b) => new Decimal(b).div(100));
        expect(
          needsApproval(
            d.map((discountPercent) => ({ discountPercent })),
            new Decimal(limitBp).div(100),
          ),
        ).toBe(Math.max(...bps) > limitBp);
      }),
    );
  });
});

describe('approveQuote', () => {
  const pending = { status: 'PENDING_APPROVAL' as const, validUntil: '2025-01-31' };
  it.each([
    ['SALES_MANAGER', pending, '2025-01-31', { ok: true, value: 'APPROVED' }],
    ['ADMIN', pending, '2025-01-01', { ok: true, value: 'APPROVED' }],
    ['SALES_REP', pending, '2025-01-01', { ok: false, code: 'FORBIDDEN' }],
    ['FINANCE', pending, '2025-01-01', { ok: false, code: 'FORBIDDEN' }],
    ['SALES_MANAGER', pending, '2025-02-01', { ok: false, code: 'INVALID_TRANSITION' }],
    ['SALES_MANAGER', { ...pending, status: 'APPROVED' as const }, '2025-01-01', { ok: false, code: 'INVALID_TRANSITION' }],
    ['SALES_MANAGER', { ...pending, status: 'DRAFT' as const }, '2025-01-01', { ok: false, code: 'INVALID_TRANSITION' }],
  ])('%s approving %j on %s', (role, q, today, want) => expect(approveQuote(q, role, today)).toMatchObject(want));
});

describe('price concessions on orders and quotes', () => {
  it.each([
    ['a discount at the limit and the list price', [{ discountPercent: '15', unitPrice: '10.00', listPrice: '10.00' }], []],
    ['a discount over the limit', [{ discountPercent: '0' }, { discountPercent: '15.5' }], [{ index: 1, field: 'discountPercent' }]],
    ['a price below list', [{ discountPercent: '0', unitPrice: '9.99', listPrice: '10.00' }], [{ index: 0, field: 'unitPrice' }]],
    ['a price above list', [{ discountPercent: '0', unitPrice: '12.00', listPrice: '10.00' }], []],
  ])('%s', (_what, given, want) => {
    expect(concessionsNeedingApproval(given)).toEqual(want);
    expect(needsApproval(given)).toBe(want.length > 0);
  });

  it.each([
    ['SALES_REP', { discountPercent: '20' }, { ok: false, code: 'FORBIDDEN', field: ['lines', '0', 'discountPercent'] }],
    ['SALES_REP', { discountPercent: '0', unitPrice: '5.00', listPrice: '10.00' }, { ok: false, code: 'FORBIDDEN', field: ['lines', '0', 'unitPrice'] }],
    ['SALES_REP', { discountPercent: '15' }, { ok: true }],
    ['SALES_MANAGER', { discountPercent: '40', unitPrice: '5.00', listPrice: '10.00' }, { ok: true }],
    ['ADMIN', { discountPercent: '90' }, { ok: true }],
  ])('an order line from a %s: %j', (role, line, want) => {
    expect(checkOrderConcessions([line], role)).toMatchObject(want);
  });
});
