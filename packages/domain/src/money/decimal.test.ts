import fc from 'fast-check';
import { Decimal, formatMoney, formatRate, money, roundMoney, sumMoney, ZERO } from './decimal';

/** Reference rounding on integers: thousandths of a unit to cents, half away from zero. */
function roundThousandthsToCents(thousandths: bigint): bigint {
  const sign = thousandths < 0n ? -1n : 1n;
  const abs = thousandths * sign;
  return sign * ((abs + 5n) / 10n);
}

describe('money', () => {
  it.each([
    ['a money string', '12.30', '12.3'],
    ['a negative string', '-3.10', '-3.1'],
    ['a string with spaces around it', ' 7.5 ', '7.5'],
    ['a bigint', 5n, '5'],
    ['a whole number', 7, '7'],
    ['a negative whole number', -42, '-42'],
    ['a Decimal', new Decimal('1.1'), '1.1'],
    ['more digits than a double holds', '12345678901234567890.12', '12345678901234567890.12'],
  ] as const)('takes %s exactly', (_what, x, want) => {
    expect(money(x).toString()).toBe(want);
  });

  it.each([
    ['a float', 0.1, /only whole JavaScript numbers/],
    ['an unsafe integer', 2 ** 53, /only whole JavaScript numbers/],
    ['NaN', Number.NaN, /only whole JavaScript numbers/],
    ['Infinity', Number.POSITIVE_INFINITY, /only whole JavaScript numbers/],
    ['an exponent', '1e5', /not a plain decimal/],
    ['an empty string', '', /not a plain decimal/],
    ['a leading plus', '+1', /not a plain decimal/],
    ['a trailing point', '1.', /not a plain decimal/],
    ['a comma', '1,00', /not a plain decimal/],
    ['NaN as text', 'NaN', /not a plain decimal/],
  ] as const)('throws on %s: floats never enter', (_what, x, message) => {
    expect(() => money(x)).toThrow(TypeError);
    expect(() => money(x)).toThrow(message);
  });

  it('is exact where binary floating point is not', () => {
    expect(money('0.1').plus(money('0.2')).eq(money('0.3'))).toBe(true);
  });
});

describe('the Decimal configuration', () => {
  it('keeps 40 significant digits', () => {
    expect(new Decimal(1).div(3).toString()).toBe(`0.${'3'.repeat(40)}`);
  });

  it('rounds half away from zero by default', () => {
    expect(new Decimal('2.5').toDecimalPlaces(0).toString()).toBe('3');
    expect(new Decimal('-2.5').toDecimalPlaces(0).toString()).toBe('-3');
  });

  it('never writes an exponent', () => {
    expect(new Decimal('1e-30').toString()).toBe(`0.${'0'.repeat(29)}1`);
    expect(new Decimal('1e30').toString()).toBe(`1${'0'.repeat(30)}`);
  });

  it('has a zero', () => expect(ZERO.isZero()).toBe(true));
});

describe('roundMoney', () => {
  it.each([
    ['1.005', '1.01'],
    ['1.004', '1.00'],
    ['1.0049999', '1.00'],
    ['-1.005', '-1.01'],
    ['-1.004', '-1.00'],
    ['0.125', '0.13'],
    ['-0.125', '-0.13'],
    ['0.135', '0.14'],
    ['2.675', '2.68'], // 2.675 is 2.67499… as a double
    ['-2.675', '-2.68'],
    ['0.005', '0.01'],
    ['-0.005', '-0.01'],
    ['2.5', '2.50'],
    ['-0.001', '0.00'],
    ['123456789012.345', '123456789012.35'],
    ['7', '7.00'],
  ])('rounds %s half away from zero to %s', (x, want) => {
    expect(formatMoney(roundMoney(x))).toBe(want);
    expect(roundMoney(x).decimalPlaces()).toBeLessThanOrEqual(2);
  });

  it('agrees with integer rounding half away from zero (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (thousandths) => {
        const x = new Decimal(thousandths.toString()).div(1000);
        const want = new Decimal(roundThousandthsToCents(thousandths).toString()).div(100);
        expect(roundMoney(x).eq(want)).toBe(true);
      }),
    );
  });
});

describe('formatMoney', () => {
  it.each([
    ['1250', '1250.00'],
    ['1250.5', '1250.50'],
    ['-3.1', '-3.10'],
    ['-0.004', '0.00'], // never "-0.00"
    ['-0', '0.00'],
    ['0', '0.00'],
    ['0.999', '1.00'],
    ['-0.995', '-1.00'],
    ['100000000000000000000', '100000000000000000000.00'],
  ])('writes %s as %s', (x, want) => expect(formatMoney(x)).toBe(want));

  it('always writes exactly two fraction digits (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        expect(formatMoney(new Decimal(units.toString()).div(10 ** places))).toMatch(/^-?(0|[1-9]\d*)\.\d{2}$/);
      }),
    );
  });
});

describe('formatRate', () => {
  it.each([
    ['0.2', undefined, '0.2000'],
    ['12.5', undefined, '12.5000'],
    ['0.00005', undefined, '0.0001'],
    ['-0.00005', undefined, '-0.0001'],
    ['12.34567', 2, '12.35'],
    ['0.5', 0, '1'],
  ] as const)('writes %s with %s places as %s', (x, places, want) => {
    expect(formatRate(x, places)).toBe(want);
  });
});

describe('sumMoney', () => {
  it.each([
    [[], '0.00'],
    [['0.10', '0.20'], '0.30'],
    [['1.005', '1.005'], '2.01'], // sums exactly, then rounds once
    [['-5.00', '2.50', 1n, 2], '0.50'],
  ] as const)('Σ %j = %s', (list, want) => {
    expect(formatMoney(sumMoney(list))).toBe(want);
  });

  it('is exact and independent of order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 })), (cents) => {
        const amounts = cents.map((c) => new Decimal(c).div(100));
        const want = new Decimal(cents.reduce((s, c) => s + c, 0)).div(100);
        expect(sumMoney(amounts).eq(want)).toBe(true);
        expect(sumMoney([...amounts].reverse()).eq(want)).toBe(true);
      }),
    );
  });
});
