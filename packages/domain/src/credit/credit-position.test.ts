import fc from 'fast-check';
import { addDays } from '../money/dates';
import { Decimal, formatMoney } from '../money/decimal';
import { creditExposure, creditStatus, DEFAULT_CREDIT_POLICY, summarizeCredit, type CreditInputs, type CreditStatus } from './credit-position';

const asOf = '2025-06-30';
const base: CreditInputs = {
  limit: '1000.00',
  onHold: false,
  openReceivables: '0',
  uninvoicedOrders: '0',
  unappliedCredit: '0',
  overdueAmount: '0',
  oldestOverdueDueDate: null,
  asOf,
};
const overdueBy = (days: number): Partial<CreditInputs> => ({ overdueAmount: '1.00', openReceivables: '1.00', oldestOverdueDueDate: addDays(asOf, -days) });
const fmt = (d: Decimal | null) => (d === null ? null : formatMoney(d));

it('defaults to the contract’s policy: hold beyond 60 days, warning from 80 %', () => {
  expect(DEFAULT_CREDIT_POLICY).toEqual({ holdAfterDaysOverdue: 60, warningRatio: '0.8' });
});

describe('creditExposure', () => {
  it.each([
    ['0', '0', '0', '0.00'],
    ['216.00', '150.98', '84.00', '282.98'],
    ['1', '2', '5', '-2.00'], // unapplied credit beyond what is owed
    ['0.10', '0.20', '0', '0.30'],
  ])('openReceivables %s + uninvoicedOrders %s − unappliedCredit %s = %s', (openReceivables, uninvoicedOrders, unappliedCredit, want) => {
    expect(formatMoney(creditExposure({ openReceivables, uninvoicedOrders, unappliedCredit }))).toBe(want);
  });
});

describe('creditStatus', () => {
  const f = (over: Partial<{ limit: string | null; exposure: string; onHold: boolean; overdueAmount: string; maxDaysOverdue: number }>) => {
    const x = { limit: '1000.00' as string | null, exposure: '0', onHold: false, overdueAmount: '0', maxDaysOverdue: 0, ...over };
    return {
      limit: x.limit === null ? null : new Decimal(x.limit),
      exposure: new Decimal(x.exposure),
      onHold: x.onHold,
      overdueAmount: new Decimal(x.overdueAmount),
      maxDaysOverdue: x.maxDaysOverdue,
    };
  };

  it.each<[string, Parameters<typeof f>[0], CreditStatus]>([
    // precedence: ON_HOLD > OVER_LIMIT > WARNING > OK
    ['a hold by hand over everything', { onHold: true, exposure: '5000.00', overdueAmount: '5.00', maxDaysOverdue: 90 }, 'ON_HOLD'],
    ['a hold by hand with nothing owed', { onHold: true }, 'ON_HOLD'],
    ['61 days overdue, even over the limit', { exposure: '5000.00', overdueAmount: '1.00', maxDaysOverdue: 61 }, 'ON_HOLD'],
    ['61 days overdue without a limit', { limit: null, overdueAmount: '1.00', maxDaysOverdue: 61 }, 'ON_HOLD'],
    ['exactly 60 days overdue is not yet a hold', { overdueAmount: '1.00', maxDaysOverdue: 60 }, 'WARNING'],
    ['over the limit and overdue', { exposure: '1000.01', overdueAmount: '1.00', maxDaysOverdue: 60 }, 'OVER_LIMIT'],
    ['one cent over the limit', { exposure: '1000.01' }, 'OVER_LIMIT'],
    ['exactly at the limit', { exposure: '1000.00' }, 'WARNING'],
    ['exactly 80 % of the limit', { exposure: '800.00' }, 'WARNING'],
    ['one cent under 80 %', { exposure: '799.99' }, 'OK'],
    ['any overdue amount under 80 %', { exposure: '10.00', overdueAmount: '0.01', maxDaysOverdue: 1 }, 'WARNING'],
    ['nothing owed', {}, 'OK'],
    ['a negative exposure', { exposure: '-50.00' }, 'OK'],
    // limit "0.00": nothing on credit
    ['a zero limit with no exposure', { limit: '0.00' }, 'OK'],
    ['a zero limit with one cent of exposure', { limit: '0.00', exposure: '0.01' }, 'OVER_LIMIT'],
    ['a zero limit and overdue', { limit: '0.00', overdueAmount: '1.00' }, 'WARNING'],
    // limit null: no limit
    ['no limit and a huge exposure', { limit: null, exposure: '1000000000.00' }, 'OK'],
    ['no limit and an overdue amount', { limit: null, exposure: '1.00', overdueAmount: '1.00', maxDaysOverdue: 5 }, 'WARNING'],
  ])('%s → %s', (_what, over, status) => {
    expect(creditStatus(f(over))).toBe(status);
  });

  it.each<[string, Parameters<typeof f>[0], { holdAfterDaysOverdue: number; warningRatio: string }, CreditStatus]>([
    ['a lower warning ratio', { exposure: '500.00' }, { holdAfterDaysOverdue: 60, warningRatio: '0.5' }, 'WARNING'],
    ['just under the lower ratio', { exposure: '499.99' }, { holdAfterDaysOverdue: 60, warningRatio: '0.5' }, 'OK'],
    ['a shorter hold, passed', { overdueAmount: '1.00', maxDaysOverdue: 31 }, { holdAfterDaysOverdue: 30, warningRatio: '0.8' }, 'ON_HOLD'],
    ['a shorter hold, reached', { overdueAmount: '1.00', maxDaysOverdue: 30 }, { holdAfterDaysOverdue: 30, warningRatio: '0.8' }, 'WARNING'],
    ['a longer hold', { overdueAmount: '1.00', maxDaysOverdue: 61 }, { holdAfterDaysOverdue: 90, warningRatio: '0.8' }, 'WARNING'],
  ])('takes %s from the policy', (_what, over, policy, status) => {
    expect(creditStatus(f(over), policy)).toBe(status);
  });

  it('follows the precedence for any facts (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 1_000_000 })),
        fc.integer({ min: -100_000, max: 2_000_000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 200 }),
        (limitCents, exposureCents, onHold, overdueCents, maxDaysOverdue) => {
          const limit = limitCents === null ? null : new Decimal(limitCents).div(100);
          const exposure = new Decimal(exposureCents).div(100);
          const s = creditStatus({ limit, exposure, onHold, overdueAmount: new Decimal(overdueCents).div(100), maxDaysOverdue });
          const hold = onHold || maxDaysOverdue > 60;
          const over = limitCents !== null && exposureCents > limitCents;
          const warn = (limitCents !== null && limitCents > 0 && exposureCents * 10 >= limitCents * 8) || overdueCents > 0;
          expect(s).toBe(hold ? 'ON_HOLD' : over ? 'OVER_LIMIT' : warn ? 'WARNING' : 'OK');
        },
      ),
    );
  });
});

describe('summarizeCredit', () => {
  it('computes the breakdown, available and utilization', () => {
    const s = summarizeCredit({ ...base, openReceivables: '216.00', uninvoicedOrders: '150.98', unappliedCredit: '84.00', overdueAmount: '0.00' });
    expect({
      ...s,
      limit: fmt(s.limit),
      openReceivables: fmt(s.openReceivables),
      uninvoicedOrders: fmt(s.uninvoicedOrders),
      unappliedCredit: fmt(s.unappliedCredit),
      exposure: fmt(s.exposure),
      available: fmt(s.available),
      utilization: s.utilization?.toFixed(4),
      overdueAmount: fmt(s.overdueAmount),
    }).toEqual({
      limit: '1000.00',
      onHold: false,
      openReceivables: '216.00',
      uninvoicedOrders: '150.98',
      unappliedCredit: '84.00',
      exposure: '282.98',
      available: '717.02',
      utilization: '0.2830',
      overdueAmount: '0.00',
      maxDaysOverdue: 0,
      status: 'OK',
    });
  });

  it.each([
    ['no limit', { limit: null, openReceivables: '500.00' }, null, null, null],
    ['a zero limit', { limit: '0.00', uninvoicedOrders: '10.00' }, '0.00', '-10.00', null],
    ['a zero limit, nothing owed', { limit: '0.00' }, '0.00', '0.00', null],
    ['a positive limit, over', { limit: '100.00', openReceivables: '150.00' }, '100.00', '-50.00', '1.5000'],
    ['a positive limit, exactly used', { limit: '100.00', openReceivables: '100.00' }, '100.00', '0.00', '1.0000'],
    ['a limit of thirds', { limit: '3.00', openReceivables: '1.00' }, '3.00', '2.00', '0.3333'],
    ['rounding utilization half up', { limit: '8.00', openReceivables: '0.01' }, '8.00', '7.99', '0.0013'], // 0.00125
    ['unapplied credit beyond what is owed', { limit: '100.00', unappliedCredit: '20.00' }, '100.00', '120.00', '-0.2000'],
  ])('with %s: limit %s, available %s, utilization %s', (_what, over, limit, available, utilization) => {
    const s = summarizeCredit({ ...base, ...over });
    expect([fmt(s.limit), fmt(s.available), s.utilization === null ? null : s.utilization.toFixed(4)]).toEqual([limit, available, utilization]);
  });

  it.each([
    ['no overdue invoice', {}, 0, 'OK'],
    ['due today', { oldestOverdueDueDate: asOf, overdueAmount: '0' }, 0, 'OK'],
    ['a due date still ahead', { oldestOverdueDueDate: addDays(asOf, 5) }, 0, 'OK'],
    ['1 day overdue', overdueBy(1), 1, 'WARNING'],
    ['59 days overdue', overdueBy(59), 59, 'WARNING'],
    ['60 days overdue', overdueBy(60), 60, 'WARNING'],
    ['61 days overdue', overdueBy(61), 61, 'ON_HOLD'],
    ['400 days overdue', overdueBy(400), 400, 'ON_HOLD'],
    ['61 days overdue across a leap day', { ...overdueBy(0), asOf: '2024-03-31', oldestOverdueDueDate: '2024-01-30' }, 61, 'ON_HOLD'],
  ])('counts %s as %d days past due → %s', (_what, over, days, status) => {
    const s = summarizeCredit({ ...base, ...over });
    expect([s.maxDaysOverdue, s.status]).toEqual([days, status]);
  });

  it('holds after the policy’s days', () => {
    expect(summarizeCredit({ ...base, ...overdueBy(31) }, { holdAfterDaysOverdue: 30, warningRatio: '0.8' }).status).toBe('ON_HOLD');
    expect(summarizeCredit({ ...base, ...overdueBy(61) }, { holdAfterDaysOverdue: 90, warningRatio: '0.8' }).status).toBe('WARNING');
  });

  it.each<[string, Partial<CreditInputs>, CreditStatus]>([
    ['a hold placed by hand', { onHold: true }, 'ON_HOLD'],
    ['OVER_LIMIT above the limit', { openReceivables: '1000.01' }, 'OVER_LIMIT'],
    ['OVER_LIMIT from uninvoiced orders alone', { uninvoicedOrders: '1000.01' }, 'OVER_LIMIT'],
    ['unapplied credit bringing exposure back to the limit', { openReceivables: '1100.00', unappliedCredit: '100.00' }, 'WARNING'],
    ['WARNING at exactly 80 %', { openReceivables: '800.00' }, 'WARNING'],
    ['OK under 80 %', { openReceivables: '799.99' }, 'OK'],
    ['OVER_LIMIT with a zero limit and any exposure', { limit: '0.00', uninvoicedOrders: '0.01' }, 'OVER_LIMIT'],
    ['OK with a zero limit and nothing owed', { limit: '0.00' }, 'OK'],
    ['OK with no limit and a large exposure', { limit: null, openReceivables: '1000000.00' }, 'OK'],
  ])('%s → %s', (_what, over, status) => {
    expect(summarizeCredit({ ...base, ...over }).status).toBe(status);
  });

  it('keeps exposure, available and utilization consistent (property)', () => {
    const cents = (max: number) => fc.integer({ min: 0, max }).map((c) => new Decimal(c).div(100));
    fc.assert(
      fc.property(fc.option(cents(10_000_000)), cents(10_000_000), cents(10_000_000), cents(1_000_000), (limit, openReceivables, uninvoicedOrders, unappliedCredit) => {
        const s = summarizeCredit({ ...base, limit, openReceivables, uninvoicedOrders, unappliedCredit });
        expect(s.exposure.eq(openReceivables.plus(uninvoicedOrders).minus(unappliedCredit))).toBe(true);
        if (limit === null) expect([s.available, s.utilization]).toEqual([null, null]);
        else {
          expect(s.available!.eq(limit.minus(s.exposure))).toBe(true);
          if (limit.isZero()) expect(s.utilization).toBeNull();
          else expect(s.utilization!.minus(s.exposure.div(limit)).abs().lte('0.00005')).toBe(true);
        }
      }),
    );
  });
});

describe('summarizeCredit from a grouped row with maxDaysOverdue', () => {
  const row = { limit: '1000.00', onHold: false, openReceivables: '300.00', uninvoicedOrders: '0', unappliedCredit: '0', overdueAmount: '300.00' };
  it.each([
    [0, 'WARNING'],
    [60, 'WARNING'],
    [61, 'ON_HOLD'],
    [-5, 'WARNING'],
  ])('%d days overdue → %s', (maxDaysOverdue, status) => {
    const s = summarizeCredit({ ...row, maxDaysOverdue });
    expect([s.maxDaysOverdue, s.status]).toEqual([Math.max(0, maxDaysOverdue), status]);
  });

  it('prefers maxDaysOverdue over dates when both are given', () => {
    expect(summarizeCredit({ ...row, maxDaysOverdue: 1, oldestOverdueDueDate: '2020-01-01', asOf: '2025-01-01' }).maxDaysOverdue).toBe(1);
  });

  it.each([
    ['a fractional day count', { maxDaysOverdue: 1.5 }],
    ['a due date without asOf', { oldestOverdueDueDate: '2025-01-01' }],
  ])('throws on %s (a broken invariant)', (_what, over) => {
    expect(() => summarizeCredit({ ...row, ...over })).toThrow(RangeError);
  });
});
