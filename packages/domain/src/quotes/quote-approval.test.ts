import fc from 'fast-check';
import { Decimal } from '../money';
import { approveQuote, DEFAULT_REP_DISCOUNT_LIMIT, needsApproval } from './quote-approval';

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
        expect(needsApproval(d.map((discountPercent) => ({ discountPercent })), new Decimal(limitBp).div(100))).toBe(Math.max(...bps) > limitBp);
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
