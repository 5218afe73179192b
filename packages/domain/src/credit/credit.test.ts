import fc from 'fast-check';
import { Decimal, formatMoney, money } from '../money';
import { checkCredit, creditStatusAlerts } from './credit-check';
import { creditExposure, creditStatus, summarizeCredit, uninvoicedValue, type CreditInputs } from './credit-position';

const base: CreditInputs = {
  limit: '1000.00', onHold: false, openReceivables: '0', uninvoicedOrders: '0', unappliedCredit: '0', overdueAmount: '0', oldestOverdueDueDate: null, asOf: '2025-06-30',
};

describe('summarizeCredit', () => {
  it('computes the breakdown, available and utilization', () => {
    const s = summarizeCredit({ ...base, openReceivables: '216.00', uninvoicedOrders: '150.98', unappliedCredit: '84.00' });
    expect(formatMoney(s.exposure)).toBe('282.98');
    expect(formatMoney(s.available!)).toBe('717.02');
    expect(s.utilization!.toFixed(4)).toBe('0.2830');
    expect(s.status).toBe('OK');
  });

  it.each([
    ['no limit', { limit: null }, null, null],
    ['a zero limit', { limit: '0.00', uninvoicedOrders: '10.00' }, '-10.00', null],
  ])('handles %s', (_what, over, available, utilization) => {
    const s = summarizeCredit({ ...base, ...over } as CreditInputs);
    expect(s.available === null ? null : formatMoney(s.available)).toBe(available);
    expect(s.utilization).toBe(utilization);
  });

  it.each([
    ['OK under 80 %', { openReceivables: '799.99' }, 'OK'],
    ['WARNING at exactly 80 %', { openReceivables: '800.00' }, 'WARNING'],
    ['WARNING on any overdue amount', { openReceivables: '10.00', overdueAmount: '10.00', oldestOverdueDueDate: '2025-06-20' }, 'WARNING'],
    ['OK at the limit is WARNING, not over', { openReceivables: '1000.00' }, 'WARNING'],
    ['OVER_LIMIT above the limit', { openReceivables: '1000.01' }, 'OVER_LIMIT'],
    ['ON_HOLD when held by hand, over everything', { onHold: true, openReceivables: '5000.00' }, 'ON_HOLD'],
    ['not ON_HOLD at exactly 60 days overdue', { overdueAmount: '1.00', oldestOverdueDueDate: '2025-05-01' }, 'WARNING'],
    ['ON_HOLD at 61 days overdue', { overdueAmount: '1.00', oldestOverdueDueDate: '2025-04-30' }, 'ON_HOLD'],
    ['OVER_LIMIT with a zero limit and any exposure', { limit: '0.00', uninvoicedOrders: '0.01' }, 'OVER_LIMIT'],
    ['OK with no limit and a large exposure', { limit: null, openReceivables: '1000000.00' }, 'OK'],
  ])('%s', (_what, over, status) => {
    expect(summarizeCredit({ ...base, ...over } as CreditInputs).status).toBe(status);
  });

  it('takes the hold threshold and warning ratio from the policy', () => {
    const f = { limit: new Decimal(100), exposure: new Decimal(50), onHold: false, overdueAmount: new Decimal(0), maxDaysOverdue: 0 };
    expect(creditStatus(f, { holdAfterDaysOverdue: 60, warningRatio: '0.5' })).toBe('WARNING');
    expect(creditStatus({ ...f, maxDaysOverdue: 31, overdueAmount: new Decimal(1) }, { holdAfterDaysOverdue: 30, warningRatio: '0.8' })).toBe('ON_HOLD');
  });

  it('values uninvoiced quantities at net + tax, line by line', () => {
    expect(formatMoney(uninvoicedValue([
      { quantity: 1, unitPrice: '100.00', discountPercent: '10', taxRate: '0.2' },
      { quantity: 2, unitPrice: '19.99', discountPercent: '0', taxRate: '0.075' },
      { quantity: 0, unitPrice: '5.00', discountPercent: '0', taxRate: '0' },
    ]))).toBe('150.98');
    expect(formatMoney(creditExposure({ openReceivables: '1', uninvoicedOrders: '2', unappliedCredit: '5' }))).toBe('-2.00');
  });
});

describe('checkCredit', () => {
  const summary = (over: Partial<CreditInputs>) => summarizeCredit({ ...base, ...over });

  it.each([
    ['approves within the limit', {}, '366.98', true, null, '633.02'],
    ['approves reaching the limit exactly', { openReceivables: '600.00' }, '400.00', true, null, '0.00'],
    ['refuses one cent over', { openReceivables: '600.00' }, '400.01', false, 'CREDIT_LIMIT_EXCEEDED', '-0.01'],
    ['refuses a hold before the limit', { onHold: true }, '1.00', false, 'CREDIT_HOLD', '999.00'],
    ['approves anything without a limit', { limit: null }, '1000000.00', true, null, null],
    ['refuses anything on a zero limit', { limit: '0.00' }, '0.01', false, 'CREDIT_LIMIT_EXCEEDED', '-0.01'],
  ])('%s', (_what, over, amount, approved, reason, available) => {
    const c = checkCredit({ ...summary(over), amount });
    expect(c.approved).toBe(approved);
    expect(c.reason).toBe(reason);
    expect(c.available === null ? null : formatMoney(c.available)).toBe(available);
    expect(c.exposureAfter.eq(c.exposureBefore.plus(amount))).toBe(true);
  });

  it('never lets a sequence of approved checks pass the limit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 200_000 }), { maxLength: 60 }), (limitCents, amounts) => {
        const limit = new Decimal(limitCents).div(100);
        let exposure = new Decimal(0);
        for (const a of amounts) {
          const amount = new Decimal(a).div(100);
          const s = summarizeCredit({ ...base, limit, openReceivables: exposure.toFixed(2) });
          const c = checkCredit({ ...s, amount });
          if (c.approved) exposure = exposure.plus(amount);
          expect(exposure.lte(limit)).toBe(true);
        }
      }),
    );
  });
});

describe('creditStatusAlerts', () => {
  it.each([
    ['OK', 'WARNING', ['CREDIT_WARNING']],
    ['OK', 'OVER_LIMIT', ['CREDIT_WARNING']],
    ['WARNING', 'OVER_LIMIT', ['CREDIT_WARNING']],
    ['OVER_LIMIT', 'WARNING', ['CREDIT_WARNING']],
    ['WARNING', 'ON_HOLD', ['CREDIT_HOLD']],
    ['OK', 'ON_HOLD', ['CREDIT_HOLD']],
    ['WARNING', 'WARNING', []],
    ['ON_HOLD', 'ON_HOLD', []],
    ['WARNING', 'OK', []],
    ['ON_HOLD', 'OK', []],
  ] as const)('%s → %s raises %j', (before, after, kinds) => {
    expect(creditStatusAlerts(before, after)).toEqual(kinds);
  });
});

it('money() keeps exactness for the figures it gets', () => {
  expect(money('0.1').plus('0.2').eq('0.3')).toBe(true);
});
