import fc from 'fast-check';
import { addDays, allocateByLargestRemainder, Decimal, daysBetween, formatIsoDate, formatMoney, formatRate, money, parseDecimalInput, parseIsoDate, parseMoneyInput, refuse, roundMoney, sumMoney } from './index';

describe('money', () => {
  it.each([
    ['1.005', '1.01'], ['1.004', '1.00'], ['-1.005', '-1.01'], ['-1.004', '-1.00'], ['2.5', '2.50'], ['0.125', '0.13'], ['-0.001', '0.00'], ['123456789012.345', '123456789012.35'],
  ])('rounds %s half away from zero to %s', (x, want) => {
    expect(formatMoney(roundMoney(x))).toBe(want);
  });

  it('accepts strings, bigints, whole numbers and Decimals, and refuses floats', () => {
    expect(money('12.30').toFixed(2)).toBe('12.30');
    expect(money(5n).toFixed(0)).toBe('5');
    expect(money(7).toFixed(0)).toBe('7');
    expect(money(new Decimal('1.1')).toFixed(1)).toBe('1.1');
    expect(() => money(0.1)).toThrow(/only whole JavaScript numbers/);
    expect(() => money('1e5')).toThrow(/not a plain decimal/);
  });

  it('sums exactly where binary floats would not', () => {
    expect(formatMoney(sumMoney(['0.10', '0.20']))).toBe('0.30');
    expect(formatMoney(sumMoney([]))).toBe('0.00');
  });

  it('formats rates to a fixed number of places', () => {
    expect(formatRate('0.2')).toBe('0.2000');
    expect(formatRate('12.34567', 2)).toBe('12.35');
  });
});

describe('parsing Decimal input', () => {
  it.each([['1250.00', 2], ['0', 2], ['-3.1', 2], ['12.5', 4], ['0.0001', 4]])('accepts %s with up to %d places', (text, places) => {
    const r = parseDecimalInput(text, places);
    expect(r.ok).toBe(true);
  });

  it.each(['1e5', '1.234', ' 1.00', '1.00 ', '01.00', '', '+1.00', '1.', '.5', 'abc', '1,00', 'NaN', 'Infinity'])('refuses %j as money', (text) => {
    const r = parseMoneyInput(text);
    expect(r).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
  });

  it('refuses a non-string', () => {
    expect(parseDecimalInput(12 as unknown as string)).toMatchObject({ ok: false });
  });
});

describe('dates', () => {
  it.each(['2024-02-29', '2025-12-31', '2000-01-01'])('accepts %s', (d) => expect(parseIsoDate(d)).toEqual({ ok: true, value: d }));
  it.each(['2025-02-30', '2023-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '20250101', '2025-01-01T00:00:00Z'])('refuses %s', (d) => {
    expect(parseIsoDate(d)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
  });

  it.each([['2025-01-31', 30, '2025-03-02'], ['2024-02-28', 1, '2024-02-29'], ['2025-03-01', -1, '2025-02-28'], ['2025-12-31', 1, '2026-01-01']])('%s + %d days = %s', (d, n, want) => {
    expect(addDays(d, n)).toBe(want);
    expect(daysBetween(d, want)).toBe(n);
  });

  it('refuses bad arguments as broken invariants', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
  });

  it('takes the UTC calendar date of an instant', () => {
    expect(formatIsoDate(new Date('2025-03-01T23:59:59.999Z'))).toBe('2025-03-01');
  });
});

describe('allocateByLargestRemainder', () => {
  it.each([
    ['100.00', ['1', '1', '1'], ['33.34', '33.33', '33.33']],
    ['0.05', ['1', '1'], ['0.03', '0.02']],
    ['-10.00', ['1', '2'], ['-3.33', '-6.67']],
    ['10.00', ['0', '1'], ['0.00', '10.00']],
  ])('splits %s by %j into %j', (total, weights, want) => {
    expect(allocateByLargestRemainder(total, weights).map(formatMoney)).toEqual(want);
  });

  it.each([
    [[], /no weights/], [['-1', '2'], /negative/], [['0', '0'], /sum to zero/],
  ])('refuses weights %j', (weights, message) => {
    expect(() => allocateByLargestRemainder('1.00', weights as string[])).toThrow(message);
  });

  it('refuses fractions of a cent', () => {
    expect(() => allocateByLargestRemainder('1.001', ['1'])).toThrow(/fractions of a cent/);
  });

  it('always sums to the whole, each part within a cent of its exact share (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), (cents, weights) => {
        fc.pre(weights.some((w) => w > 0));
        const total = new Decimal(cents).div(100);
        const parts = allocateByLargestRemainder(total, weights);
        expect(sumMoney(parts).eq(total)).toBe(true);
        const sum = weights.reduce((s, w) => s + w, 0);
        parts.forEach((p, i) => expect(p.minus(total.times(weights[i]).div(sum)).abs().lt('0.01')).toBe(true));
      }),
    );
  });
});

it('builds refusals with string field paths', () => {
  expect(refuse('NOT_FOUND', 'gone', ['lines', 0], { id: 'x' })).toEqual({ ok: false, code: 'NOT_FOUND', message: 'gone', field: ['lines', '0'], details: { id: 'x' } });
});
