import type { StockLevel, StockMove } from '@tandem/domain';
import type { StockRow } from '../../db/locks';
import type { Product } from './product.entity';

/** The locked products' stock as the domain's stock rules take it. */
export function stockLevelsOf(products: ReadonlyMap<string, Product>): StockLevel[] {
  return [...products.values()].map((p) => ({ productId: p.id, onHand: p.onHand, reserved: p.reserved, reorderPoint: p.reorderPoint }));
}

/** Sets the domain's new stock levels on the locked products and states each move, for the business event. */
export function applyStockLevels(products: ReadonlyMap<string, Product>, levels: readonly Pick<StockLevel, 'productId' | 'onHand' | 'reserved'>[]): StockMove[] {
  return levels.map((level) => {
    const p = products.get(level.productId);
    if (!p) throw new Error(`applyStockLevels: product ${level.productId} was not locked`);
    const before = { onHand: p.onHand, reserved: p.reserved, reorderPoint: p.reorderPoint };
    p.onHand = level.onHand;
    p.reserved = level.reserved;
    return { productId: p.id, sku: p.sku, before, after: { onHand: p.onHand, reserved: p.reserved, reorderPoint: p.reorderPoint } };
  });
}

/** The moves from locked stock rows (db/locks lockProductStock) to the domain's new levels, for the business event and the write. */
export function stockMovesOf(rows: ReadonlyMap<string, StockRow>, levels: readonly Pick<StockLevel, 'productId' | 'onHand' | 'reserved'>[]): StockMove[] {
  return levels.map((level) => {
    const p = rows.get(level.productId);
    if (!p) throw new Error(`stockMovesOf: product ${level.productId} was not locked`);
    return {
      productId: p.id,
      sku: p.sku,
      before: { onHand: p.onHand, reserved: p.reserved, reorderPoint: p.reorderPoint },
      after: { onHand: level.onHand, reserved: level.reserved, reorderPoint: p.reorderPoint },
    };
  });
}
