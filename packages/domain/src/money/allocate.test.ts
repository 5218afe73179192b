import fc from 'fast-check';
import { allocateByLargestRemainder } from './allocate';
import { Decimal, formatMoney, sumMoney } from './decimal';

describe('allocateByLargestRemainder', () => {
  it.each([
    ['100.00', ['1', '1', '1'], ['33.34', '33.33', '33.33']],
    ['0.05', ['1', '1'], ['0.03', '0.02']], // a tie goes to the earlier part
    ['0.02', ['1', '1', '1'], ['0.01', '0.01', '0.00']],
    ['-10.00', ['1', '2'], ['-3.33', '-6.67']], // negative totals split like positive ones
    ['-0.05', ['1', '1'], ['-0.03', '-0.02']],
    ['10.00', ['0', '1'], ['0.00', '10.00']],
    ['0.00', ['1', '1'], ['0.00', '0.00']],
    ['1.00', ['0.5', '0.25', '0.25'], ['0.50', '0.25', '0.25']],
    ['1.00', ['1', '2', '3'], ['0.17', '0.33', '0.50']],
    ['10.00', ['3'], ['10.00']],
    ['100.00', ['13', '27', '60'], ['13.00', '27.00', '60.00']],
    ['0.10', ['1', '1', '1'], ['0.04', '0.03', '0.03']],
    [7n, [1, 1, 1, 1], ['1.75', '1.75', '1.75', '1.75']],
  ] as const)('splits %s by %j into %j', (total, weights, want) => {
    expect(allocateByLargestRemainder(total, weights).map(formatMoney)).toEqual(want);
  });

  it.each([
    ['no weights', '1.00', [], /no weights/],
    ['a negative weight', '1.00', ['-1', '2'], /negative weight/],
    ['weights summing to zero', '1.00', ['0', '0'], /sum to zero/],
    ['fractions of a cent', '1.001', ['1'], /fractions of a cent/],
  ] as const)('throws on %s (a broken invariant)', (_what, total, weights, message) => {
    expect(() => allocateByLargestRemainder(total, weights)).toThrow(RangeError);
    expect(() => allocateByLargestRemainder(total, weights)).toThrow(message);
  });

  it('refuses a float weight like any amount', () => {
    expect(() => allocateByLargestRemainder('1.00', [0.5])).toThrow(TypeError);
  });

  const totals = fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }).map((cents) => new Decimal(cents.toString()).div(100));
  const weightLists = fc.array(
    fc.oneof(
      fc.integer({ min: 0, max: 1000 }).map(String),
      fc.integer({ min: 0, max: 1_000_000 }).map((w) => new Decimal(w).div(10_000).toString()),
    ),
    { minLength: 1, maxLength: 15 },
  );

  it('parts always sum exactly to the total (property)', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        fc.pre(weights.some((w) => new Decimal(w).gt(0)));
        const parts = allocateByLargestRemainder(total, weights);
        expect(parts).toHaveLength(weights.length);
        expect(sumMoney(parts).eq(total)).toBe(true);
      }),
    );
  });

  it('each part is in whole cents, within one cent of its exact share, with the sign of the total (property)', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        fc.pre(weights.some((w) => new Decimal(w).gt(0)));
        const sum = sumMoney(weights);
        allocateByLargestRemainder(total, weights).forEach((part, i) => {
          const exact = total.times(weights[i]).div(sum);
          expect(part.times(100).isInteger()).toBe(true);
          expect(part.minus(exact).abs().lt('0.01')).toBe(true);
          expect(part.isZero() || part.isNeg() === total.isNeg()).toBe(true);
          if (new Decimal(weights[i]).isZero()) expect(part.isZero()).toBe(true);
        });
      }),
    );
  });

  it('gives equal weights parts that differ by at most one cent, larger ones first (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 30 }), (cents, n) => {
        const parts = allocateByLargestRemainder(new Decimal(cents).div(100), Array(n).fill('1'));
        const sorted = [...parts].sort((a, b) => b.comparedTo(a));
        expect(parts.map(String)).toEqual(sorted.map(String));
        expect(parts[0].minus(parts[n - 1]).lte('0.01')).toBe(true);
      }),
    );
  });
});
