import { Decimal, money, ZERO, type DecimalLike } from './decimal';

/**
 * Splits `total` into parts proportional to `weights`, in cents, by largest
 * remainder: each part is floored to the cent, then the leftover cents go one
 * by one to the largest remainders (ties to the earlier part). The parts
 * always add up to exactly `total`.
 */
export function allocateByLargestRemainder(total: DecimalLike, weights: readonly DecimalLike[]): Decimal[] {
  if (weights.length === 0) throw new RangeError('allocate: no weights');
  const w = weights.map((x) => money(x));
  if (w.some((x) => x.isNeg())) throw new RangeError('allocate: negative weight');
  const sum = w.reduce((s, x) => s.plus(x), new Decimal(0));
  if (sum.isZero()) throw new RangeError('allocate: weights sum to zero');
  const cents = money(total).times(100);
  if (!cents.isInteger()) throw new RangeError('allocate: total has fractions of a cent');
  const sign = cents.isNeg() ? -1 : 1;
  const whole = cents.abs();
  const exact = w.map((x) => whole.times(x).div(sum));
  const floors = exact.map((x) => x.floor());
  let left = whole.minus(floors.reduce((s, x) => s.plus(x), new Decimal(0))).toNumber();
  const order = exact.map((x, i) => ({ i, rem: x.minus(floors[i]) })).sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i].plus(1);
    left -= 1;
  }
  // A zero share of a negative total is 0.00, not -0.00.
  return floors.map((c) => (c.isZero() ? ZERO : c.times(sign).div(100)));
}
