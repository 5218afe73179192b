import { money, roundMoney, ZERO, type Decimal, type DecimalLike } from '../money/decimal';

/**
 * Moving-average costing: each product carries the value of the stock it has
 * on hand. A receipt adds its quantity at its unit cost; an issue (a shipment)
 * takes its share of the value, quantity ÷ on hand, rounded to the cent, and
 * the last unit out takes whatever value is left, so the value of stock on
 * hand is always exactly what the inventory account holds.
 */
export interface StockValue {
  onHand: number;
  value: Decimal;
}

/** A receipt of `quantity` at `unitCost`: its cost (rounded once) and the value after. */
export function receiveAtCost(before: { onHand: number; value: DecimalLike }, quantity: number, unitCost: DecimalLike): { cost: Decimal; after: StockValue } {
  if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError(`a receipt is a whole quantity above 0, not ${quantity}`);
  const cost = roundMoney(money(unitCost).times(quantity));
  return { cost, after: { onHand: before.onHand + quantity, value: money(before.value).plus(cost) } };
}

/** An issue of `quantity` at the moving average: its cost and the value after. Issuing more than is on hand is a broken invariant and throws. */
export function issueAtAverageCost(before: { onHand: number; value: DecimalLike }, quantity: number): { cost: Decimal; after: StockValue } {
  if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError(`an issue is a whole quantity above 0, not ${quantity}`);
  if (quantity > before.onHand) throw new RangeError(`cannot issue ${quantity} with ${before.onHand} on hand`);
  const value = money(before.value);
  const cost = quantity === before.onHand ? value : roundMoney(value.times(quantity).div(before.onHand));
  return { cost, after: { onHand: before.onHand - quantity, value: quantity === before.onHand ? ZERO : value.minus(cost) } };
}
