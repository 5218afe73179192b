import fc from 'fast-check';
import { compareMoney, sumMoney } from './money';

/** Integer cents as the API writes them: "-12.05". */
const asMoney = (cents: bigint) => {
  const digits = (cents < 0n ? -cents : cents).toString().padStart(3, '0');
  return `${cents < 0n ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
};
// Up to numeric(14,2)'s largest amount, either sign, often near it: a few hundred of those pass 2^53 cents, where a float sum goes wrong.
const largest = 99_999_999_999_999n;
const cents = fc.oneof(fc.bigInt({ min: -largest, max: largest }), fc.bigInt({ min: largest / 10n, max: largest }));

describe('sumMoney: exact sums of the API’s decimal strings', () => {
  it.each([
    [[], '0.00'],
    [['0.10', '0.20', '0.40'], '0.70'], // a float sum is 0.7000000000000001
    [['1250.5', '0.25'], '1250.75'],
    [['999999999999.99', '0.01'], '1000000000000.00'],
    [['12.3456', '1'], '13.3456'],
    [['-5.00', '3.25'], '-1.75'],
    [['-0.01', '0.01'], '0.00'],
    [['-0.00'], '0.00'],
  ])('%j → %s', (values, sum) => {
    expect(sumMoney(values)).toBe(sum);
  });

  it('equals the sum of integer cents for any amounts, however many and large', () => {
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 400, size: 'max' }), (parts) => {
        expect(sumMoney(parts.map(asMoney))).toBe(asMoney(parts.reduce((a, b) => a + b, 0n)));
      }),
    );
  });

  it('refuses what is not a decimal string (a broken contract, not a value to show)', () => {
    expect(() => sumMoney(['1e3'])).toThrow(RangeError);
    expect(() => sumMoney(['NaN'])).toThrow(RangeError);
  });
});

describe('compareMoney: exact ordering', () => {
  it.each([
    ['2.5', '2.50', 0],
    ['10.00', '9.99', 1],
    ['-1.00', '0.00', -1],
    // Equal as floats (both 2^53), not as amounts.
    ['9007199254740993.00', '9007199254740992.00', 1],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(compareMoney(a, b)).toBe(sign);
    expect(compareMoney(b, a)).toBe(-sign || 0);
  });

  it('agrees with integer cents', () => {
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        expect(compareMoney(asMoney(a), asMoney(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});
