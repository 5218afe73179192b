import fc from 'fast-check';
import { Decimal, formatMoney } from './decimal';
import { MAX_AMOUNT, MAX_INTEGER_DIGITS, parseDecimalInput, parseMoneyInput } from './parse';

describe('parseMoneyInput', () => {
  it.each([
    ['1250.00', '1250'],
    ['1250', '1250'],
    ['1250.5', '1250.5'],
    ['0', '0'],
    ['0.00', '0'],
    ['0.01', '0.01'],
    ['-3.1', '-3.1'],
    ['-0.50', '-0.5'],
    ['99999999999999999999.99', '99999999999999999999.99'],
  ])('accepts %j as %s', (text, want) => {
    const r = parseMoneyInput(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.toString()).toBe(want);
  });

  it.each([
    ['1e5', /no exponent/],
    ['1E5', /no exponent/],
    ['1.5e2', /no exponent/],
    ['1.234', /at most 2 decimal places/],
    ['0.001', /at most 2 decimal places/],
    [' 1.00', /no exponent, spaces/],
    ['1.00 ', /no exponent, spaces/],
    ['1 000.00', /no exponent, spaces/],
    ['01.00', /leading zeros/],
    ['00', /leading zeros/],
    ['-01', /leading zeros/],
    ['', /plain decimal/],
    ['-', /plain decimal/],
    ['+1.00', /plain decimal/],
    ['--1', /plain decimal/],
    ['1.', /plain decimal/],
    ['.5', /plain decimal/],
    ['-.5', /plain decimal/],
    ['1,00', /plain decimal/],
    ['abc', /plain decimal/],
    ['NaN', /plain decimal/],
    ['Infinity', /plain decimal/],
    ['0x10', /plain decimal/],
    ['١٢', /plain decimal/], // non-ASCII digits
  ])('refuses %j as money', (text, message) => {
    const r = parseMoneyInput(text);
    expect(r).toMatchObject({ ok: false, code: 'BAD_USER_INPUT' });
    expect(!r.ok && r.message).toMatch(message);
  });

  it.each([[12], [null], [undefined], [{}]])('refuses a non-string %j', (x) => {
    expect(parseMoneyInput(x as string)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', message: expect.stringMatching(/must be a string/) });
  });

  it('reads back every amount it formats, in whole cents (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (cents) => {
        const amount = new Decimal(cents.toString()).div(100);
        const r = parseMoneyInput(formatMoney(amount));
        expect(r.ok && r.value.eq(amount)).toBe(true);
      }),
    );
  });

  it('never accepts a JavaScript float written with an exponent (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }).map((x) => x.toExponential()),
        (text) => {
          expect(parseMoneyInput(text).ok).toBe(false);
        },
      ),
    );
  });
});

describe('parseDecimalInput', () => {
  it.each([
    ['12.5', undefined],
    ['0.0001', undefined],
    ['-0.2', undefined],
    ['100', undefined],
    ['12.1234', 4],
    ['3', 0],
    ['1.123456', 6],
  ] as const)('accepts %j with up to %s places (4 by default)', (text, places) => {
    const r = parseDecimalInput(text, places);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.eq(text)).toBe(true);
  });

  it.each([
    ['0.00001', undefined, 'at most 4 decimal places'],
    ['12.12345', 4, 'at most 4 decimal places'],
    ['3.0', 0, 'at most 0 decimal places'],
    ['1.1234567', 6, 'at most 6 decimal places'],
    ['1e-4', undefined, 'no exponent'],
    ['012.5', undefined, 'leading zeros'],
  ] as const)('refuses %j with up to %s places', (text, places, message) => {
    expect(parseDecimalInput(text, places)).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', message: expect.stringContaining(message) });
  });

  it('carries no field path: the caller knows where the text came from', () => {
    const r = parseDecimalInput('x');
    expect(r.ok === false && r.field).toBeUndefined();
  });
});

describe('the API cap on integer digits', () => {
  it.each([
    ['999999999999.99', true],
    ['-999999999999.99', true],
    ['1000000000000', false],
    ['1000000000000.00', false],
  ])('%s within 12 integer digits: %s', (text, accepted) => {
    expect(parseDecimalInput(text, 2, MAX_INTEGER_DIGITS).ok).toBe(accepted);
    expect(MAX_AMOUNT.toFixed(2)).toBe('999999999999.99');
  });
});
