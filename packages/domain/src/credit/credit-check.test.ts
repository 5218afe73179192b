import fc from 'fast-check';
import { Decimal, formatMoney } from '../money/decimal';
import { checkCredit, creditRefusal, creditStatusAlerts } from './credit-check';
import { summarizeCredit, type CreditInputs, type CreditStatus } from './credit-position';

const base: CreditInputs = {
  limit: '1000.00',
  onHold: false,
  openReceivables: '0',
  uninvoicedOrders: '0',
  unappliedCredit: '0',
  overdueAmount: '0',
  oldestOverdueDueDate: null,
  asOf: '2025-06-30',
};
const summary = (over: Partial<CreditInputs>) => summarizeCredit({ ...base, ...over });
const fmt = (d: Decimal | null) => (d === null ? null : formatMoney(d));

describe('checkCredit', () => {
  it.each<[string, Partial<CreditInputs>, string, boolean, string | null, string | null]>([
    ['approves within the limit', {}, '366.98', true, null, '633.02'],
    ['approves exposure exactly equal to the limit', { openReceivables: '600.00' }, '400.00', true, null, '0.00'],
    ['refuses one cent over', { openReceivables: '600.00' }, '400.01', false, 'CREDIT_LIMIT_EXCEEDED', '-0.01'],
    ['counts uninvoiced orders and unapplied credit', { uninvoicedOrders: '700.00', unappliedCredit: '100.00' }, '400.00', true, null, '0.00'],
    ['refuses a customer already over, even for nothing', { openReceivables: '1000.01' }, '0.00', false, 'CREDIT_LIMIT_EXCEEDED', '-0.01'],
    ['approves a WARNING customer within the limit', { openReceivables: '900.00', overdueAmount: '10.00', oldestOverdueDueDate: '2025-06-01' }, '100.00', true, null, '0.00'],
    // CREDIT_HOLD before CREDIT_LIMIT_EXCEEDED
    ['refuses a hold by hand within the limit', { onHold: true }, '1.00', false, 'CREDIT_HOLD', '999.00'],
    ['refuses a hold by hand over the limit as a hold', { onHold: true }, '5000.00', false, 'CREDIT_HOLD', '-4000.00'],
    ['refuses a hold for 61 days overdue as a hold', { openReceivables: '1.00', overdueAmount: '1.00', oldestOverdueDueDate: '2025-04-30' }, '2000.00', false, 'CREDIT_HOLD', '-1001.00'],
    ['approves at exactly 60 days overdue', { openReceivables: '1.00', overdueAmount: '1.00', oldestOverdueDueDate: '2025-05-01' }, '1.00', true, null, '998.00'],
    ['refuses a hold without a limit', { limit: null, onHold: true }, '1.00', false, 'CREDIT_HOLD', null],
    // limit null vs "0.00"
    ['approves anything without a limit', { limit: null, openReceivables: '5000000.00' }, '1000000.00', true, null, null],
    ['refuses anything on a zero limit', { limit: '0.00' }, '0.01', false, 'CREDIT_LIMIT_EXCEEDED', '-0.01'],
    ['approves nothing-on-credit for a zero amount', { limit: '0.00' }, '0.00', true, null, '0.00'],
    ['approves a zero limit covered by unapplied credit', { limit: '0.00', unappliedCredit: '50.00' }, '50.00', true, null, '0.00'],
  ])('%s', (_what, over, amount, approved, reason, available) => {
    const s = summary(over);
    const c = checkCredit({ ...s, amount });
    expect({ approved: c.approved, reason: c.reason, available: fmt(c.available) }).toEqual({ approved, reason, available });
    expect(c.limit).toBe(s.limit);
    expect(c.exposureBefore.eq(s.exposure)).toBe(true);
    expect(c.exposureAfter.eq(s.exposure.plus(amount))).toBe(true);
  });

  it.each([
    ['Approved.', { limit: new Decimal('100'), exposure: new Decimal('0'), status: 'OK' as const, amount: '10.00' }],
    ['The customer is on credit hold.', { limit: new Decimal('100'), exposure: new Decimal('0'), status: 'ON_HOLD' as const, amount: '10.00' }],
    ['This order would take exposure to 110.50, over the limit of 100.00.', { limit: new Decimal('100'), exposure: new Decimal('60.50'), status: 'OK' as const, amount: '50.00' }],
  ])('says %j', (message, input) => {
    expect(checkCredit(input).message).toBe(message);
  });

  it('takes the status as given: a hold beats any limit', () => {
    expect(checkCredit({ limit: null, exposure: new Decimal(0), status: 'ON_HOLD', amount: 1 }).reason).toBe('CREDIT_HOLD');
    expect(checkCredit({ limit: new Decimal(10), exposure: new Decimal(20), status: 'ON_HOLD', amount: 1 }).reason).toBe('CREDIT_HOLD');
    expect(checkCredit({ limit: new Decimal(10), exposure: new Decimal(0), status: 'OVER_LIMIT', amount: 1 }).approved).toBe(true);
  });

  it('approves exactly when not on hold and exposure + amount stays within the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 1_000_000 })),
        fc.integer({ min: -10_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.boolean(),
        (limitCents, exposureCents, amountCents, onHold) => {
          const limit = limitCents === null ? null : new Decimal(limitCents).div(100);
          const c = checkCredit({ limit, exposure: new Decimal(exposureCents).div(100), status: onHold ? 'ON_HOLD' : 'OK', amount: new Decimal(amountCents).div(100) });
          const within = limitCents === null || exposureCents + amountCents <= limitCents;
          expect(c.approved).toBe(!onHold && within);
          expect(c.reason).toBe(onHold ? 'CREDIT_HOLD' : within ? null : 'CREDIT_LIMIT_EXCEEDED');
          if (limit !== null) expect(c.available!.eq(limit.minus(c.exposureAfter))).toBe(true);
        },
      ),
    );
  });

  it('never lets a sequence of approved checks pass the limit (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 1_000_000 }), { freq: 5 }),
        fc.integer({ min: 0, max: 500_000 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 60 }),
        (limitCents, startCents, amounts) => {
          const limit = limitCents === null ? null : new Decimal(limitCents).div(100);
          let exposure = new Decimal(startCents).div(100);
          const startedOver = limit !== null && exposure.gt(limit);
          for (const a of amounts) {
            const amount = new Decimal(a).div(100);
            const c = checkCredit({ ...summarizeCredit({ ...base, limit, openReceivables: exposure }), amount });
            if (c.approved) {
              exposure = exposure.plus(amount);
              if (limit !== null) expect(exposure.lte(limit)).toBe(true);
            }
          }
          // A customer that started over the limit is refused every time: exposure never grew.
          if (startedOver) expect(exposure.eq(new Decimal(startCents).div(100))).toBe(true);
        },
      ),
    );
  });
});

describe('creditStatusAlerts', () => {
  const statuses: CreditStatus[] = ['OK', 'WARNING', 'OVER_LIMIT', 'ON_HOLD'];
  const want = (before: CreditStatus, after: CreditStatus) => {
    if (before === after) return [];
    if (after === 'ON_HOLD') return ['CREDIT_HOLD'];
    if (after === 'WARNING' || after === 'OVER_LIMIT') return ['CREDIT_WARNING'];
    return [];
  };

  it.each(statuses.flatMap((b) => statuses.map((a) => [b, a, want(b, a)] as const)))('%s → %s raises %j', (before, after, kinds) => {
    expect(creditStatusAlerts(before, after)).toEqual(kinds);
  });

  it.each([
    ['OK', 'WARNING', ['CREDIT_WARNING']],
    ['OK', 'OVER_LIMIT', ['CREDIT_WARNING']],
    ['WARNING', 'OVER_LIMIT', ['CREDIT_WARNING']],
    ['OVER_LIMIT', 'WARNING', ['CREDIT_WARNING']],
    ['ON_HOLD', 'WARNING', ['CREDIT_WARNING']],
    ['OK', 'ON_HOLD', ['CREDIT_HOLD']],
    ['OVER_LIMIT', 'ON_HOLD', ['CREDIT_HOLD']],
    ['WARNING', 'WARNING', []],
    ['ON_HOLD', 'ON_HOLD', []],
    ['WARNING', 'OK', []],
    ['ON_HOLD', 'OK', []],
  ] as const)('spelled out: %s → %s raises %j', (before, after, kinds) => {
    expect(creditStatusAlerts(before, after)).toEqual(kinds);
  });
});

describe('checkCredit from plain figures', () => {
  it.each([
    ['a hold by hand without a status', { limit: '100.00', exposure: '0', onHold: true, amount: '1.00' }, false, 'CREDIT_HOLD'],
    ['strings for every figure', { limit: '100.00', exposure: '60.00', amount: '40.00' }, true, null],
    ['strings one cent over', { limit: '100.00', exposure: '60.00', amount: '40.01' }, false, 'CREDIT_LIMIT_EXCEEDED'],
    ['no limit at all', { limit: null, exposure: '1000000.00', amount: '1.00' }, true, null],
  ] as const)('%s', (_what, input, approved, reason) => {
    const c = checkCredit(input);
    expect([c.approved, c.reason]).toEqual([approved, reason]);
  });
});

describe('creditRefusal', () => {
  it('is null for an approval', () => {
    expect(creditRefusal(checkCredit({ limit: '100.00', exposure: '0', amount: '1.00' }))).toBeNull();
  });

  it.each([
    [{ limit: '100.00', exposure: '60.00', amount: '50.00' }, 'CREDIT_LIMIT_EXCEEDED', { limit: '100.00', exposureBefore: '60.00', exposureAfter: '110.00', available: '-10.00' }],
    [{ limit: null, exposure: '5.00', onHold: true, amount: '1.00' }, 'CREDIT_HOLD', { limit: null, exposureBefore: '5.00', exposureAfter: '6.00', available: null }],
  ])('turns %j into %s with the figures', (input, code, details) => {
    const check = checkCredit(input);
    expect(creditRefusal(check)).toEqual({ ok: false, code, message: check.message, details });
  });
});
