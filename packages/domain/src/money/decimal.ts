import DecimalJs from 'decimal.js';

/**
 * The one decimal configuration of Tandem: 40 significant digits and rounding
 * half away from zero (ROUND_HALF_UP in decimal.js), so that every amount is
 * exact and every rounding follows the contract.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;
export type Money = Decimal;
export type DecimalLike = Decimal | string | bigint | number;

export const ZERO: Decimal = new Decimal(0);

/**
 * An exact decimal from a string, a bigint, an integer or a Decimal. A
 * non-integer JavaScript number is refused by throwing: floats never enter.
 */
export function money(x: DecimalLike): Decimal {
  if (typeof x === 'number') {
    if (!Number.isSafeInteger(x)) throw new TypeError(`money(${x}): only whole JavaScript numbers are exact; pass a string`);
    return new Decimal(x);
  }
  if (typeof x === 'bigint') return new Decimal(x.toString());
  if (typeof x === 'string') {
    if (!/^-?\d+(\.\d+)?$/.test(x.trim())) throw new TypeError(`money(${JSON.stringify(x)}): not a plain decimal`);
    return new Decimal(x.trim());
  }
  return new Decimal(x);
}

/** Rounds to cents, half away from zero. The single rounding point for money. */
export function roundMoney(d: DecimalLike): Decimal {
  return money(d).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Exactly two fraction digits: "1250.00", "-3.10". */
export function formatMoney(d: DecimalLike): string {
  const r = roundMoney(d);
  return (r.isZero() ? new Decimal(0) : r).toFixed(2);
}

/** A rate or percentage with `places` fraction digits (4 by default): "0.2000". */
export function formatRate(d: DecimalLike, places = 4): string {
  return money(d).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed(places);
}

/** Σ of amounts, exactly. */
export function sumMoney(list: readonly DecimalLike[]): Decimal {
  return list.reduce<Decimal>((s, x) => s.plus(money(x)), ZERO);
}
