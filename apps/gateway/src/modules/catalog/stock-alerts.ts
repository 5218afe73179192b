import type { EntityManager } from '@mikro-orm/postgresql';
import { availableStock, lowStockAlert, type RaisedAlert } from '@tandem/domain';
import { query } from '../../db/sql';
import type { Product } from './product.entity';

/**
 * LOW_STOCK for a product whose available stock just fell below its reorder
 * point, addressed to the warehouse and to the reps who own confirmed orders
 * that still need the product.
 */
export async function lowStockAlertFor(tx: EntityManager, product: Product, changeId: string): Promise<RaisedAlert> {
  const reps = await query<{ owner_id: string }>(
    tx,
    `select distinct c.owner_id from order_lines ol
       join orders o on o.id = ol.order_id
       join customers c on c.id = o.customer_id
      where ol.product_id = ? and o.status in ('CONFIRMED', 'PARTIALLY_SHIPPED') and ol.quantity > ol.shipped_quantity`,
    [product.id],
  );
  return lowStockAlert({
    productId: product.id, sku: product.sku, available: availableStock(product), reorderPoint: product.reorderPoint,
    repIds: reps.map((r) => r.owner_id), changeId,
  });
}
