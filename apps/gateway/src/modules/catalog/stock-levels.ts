import type { StockLevel, StockMove } from '@tandem/domain';
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
