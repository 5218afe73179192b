/**
 * Exact arithmetic on the API's decimal strings, for presentation only: the
 * chart groups the smaller customers into one "Others" amount and orders
 * customers by size. Each string becomes a BigInt count of its smallest
 * fraction digit, so no amount ever passes through a float.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

function parse(value: string): Scaled {
  const m = DECIMAL.exec(value.trim());
  // The API's Decimal is always such a string: anything else is a broken contract.
  if (!m) throw new RangeError(`Not a decimal amount: "${value}"`);
  const [, sign, whole, fraction = ''] = m;
  const units = BigInt(whole + fraction);
  return { units: sign ? -units : units, scale: fraction.length };
}

const atScale = (d: Scaled, scale: number) => d.units * 10n ** BigInt(scale - d.scale);

function print(units: bigint, scale: number): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const cut = digits.length - scale;
  return `${units < 0n ? '-' : ''}${digits.slice(0, cut)}${scale ? `.${digits.slice(cut)}` : ''}`;
}

/** The exact sum of amounts, with the fraction digits of the most precise one and at least two: ["0.10", "0.2"] → "0.30"; [] → "0.00". */
export function sumMoney(values: readonly string[]): string {
  const parsed = values.map(parse);
  const scale = Math.max(2, ...parsed.map((d) => d.scale));
  return print(
    parsed.reduce((sum, d) => sum + atScale(d, scale), 0n),
    scale,
  );
}

/** Orders two amounts exactly, for sorting: negative when a < b, 0 when equal ("2.5" and "2.50"), positive when a > b. */
export function compareMoney(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  const scale = Math.max(x.scale, y.scale);
  const d = atScale(x, scale) - atScale(y, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
