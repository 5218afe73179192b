import { ok, refuse, type Result } from '../money/result';
import { mergeByProduct } from '../orders/order-lifecycle';

export interface StockLevel {
  productId: string;
  onHand: number;
  reserved: number;
  reorderPoint: number;
}

/** available = onHand − reserved. */
export function availableStock(level: Pick<StockLevel, 'onHand' | 'reserved'>): number {
  return level.onHand - level.reserved;
}

/**
 * LOW_STOCK fires only when available crosses from at or above the reorder
 * point to below it, not again while it stays below.
 */
export function crossesBelowReorderPoint(before: StockLevel, after: StockLevel): boolean {
  return availableStock(before) >= before.reorderPoint && availableStock(after) < after.reorderPoint;
}

function byId(levels: readonly StockLevel[]): Map<string, StockLevel> {
  return new Map(levels.map((l) => [l.productId, { ...l }]));
}

/** Per product, the whole quantities the lines move. A negative or fractional one is a broken invariant: it would drive a level below zero. */
function merged(fn: string, lines: readonly { productId: string; quantity: number }[]): { productId: string; quantity: number }[] {
  for (const l of lines) {
    if (!Number.isSafeInteger(l.quantity) || l.quantity < 0) throw new RangeError(`${fn}: quantity ${l.quantity} of ${l.productId} is not a whole number, 0 or more`);
  }
  return mergeByProduct(lines);
}

/**
 * Reserves every line or none: refused with INSUFFICIENT_STOCK (naming the
 * first short line and the figures) when any product has less available than
 * its lines ask for together. Returns the new levels and the products that
 * crossed below their reorder point.
 */
export function reserveStock(levels: readonly StockLevel[], lines: readonly { productId: string; quantity: number }[]): Result<{ levels: StockLevel[]; lowStock: string[] }, 'INSUFFICIENT_STOCK'> {
  const next = byId(levels);
  for (const { productId, quantity } of merged('reserveStock', lines)) {
    const level = next.get(productId);
    if (!level) throw new Error(`reserveStock: no stock level for ${productId}`);
    if (availableStock(level) < quantity) {
      const index = lines.findIndex((l) => l.productId === productId);
      return refuse('INSUFFICIENT_STOCK', `Only ${availableStock(level)} available, ${quantity} needed.`, [String(index), 'quantity'], {
        productId,
        available: availableStock(level),
        requested: quantity,
      });
    }
    level.reserved += quantity;
  }
  const after = [...next.values()];
  const before = byId(levels);
  return ok({ levels: after, lowStock: after.filter((l) => crossesBelowReorderPoint(before.get(l.productId)!, l)).map((l) => l.productId) });
}

/** Gives reservations back (a cancelled order). Never below zero. */
export function releaseStock(levels: readonly StockLevel[], lines: readonly { productId: string; quantity: number }[]): StockLevel[] {
  const next = byId(levels);
  for (const { productId, quantity } of merged('releaseStock', lines)) {
    const level = next.get(productId);
    if (!level) throw new Error(`releaseStock: no stock level for ${productId}`);
    if (level.reserved < quantity) throw new Error(`releaseStock: ${productId} has ${level.reserved} reserved, cannot release ${quantity}`);
    level.reserved -= quantity;
  }
  return [...next.values()];
}

/** Shipping turns a reservation into a decrease of onHand; refused when more ships than is reserved. */
export function shipStock(levels: readonly StockLevel[], lines: readonly { productId: string; quantity: number }[]): Result<StockLevel[], 'INSUFFICIENT_STOCK'> {
  const next = byId(levels);
  for (const { productId, quantity } of merged('shipStock', lines)) {
    const level = next.get(productId);
    if (!level) throw new Error(`shipStock: no stock level for ${productId}`);
    if (level.reserved < quantity || level.onHand < quantity) return refuse('INSUFFICIENT_STOCK', `Only ${level.reserved} reserved, ${quantity} to ship.`);
    level.reserved -= quantity;
    level.onHand -= quantity;
  }
  return ok([...next.values()]);
}

/** A receipt adds to onHand (a positive whole quantity). */
export function receiveStock(level: StockLevel, quantity: number): StockLevel {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) throw new RangeError('receiveStock: quantity must be a positive whole number');
  return { ...level, onHand: level.onHand + quantity };
}
