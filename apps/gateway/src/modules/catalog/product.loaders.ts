import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import type { ProductType } from './product.type';

export interface ProductRow {
  id: string;
  sku: string;
  name: string;
  unit_price: string;
  unit_cost: string;
  tax_rate: string;
  reorder_point: number;
  on_hand: number;
  reserved: number;
}
export const PRODUCT_COLUMNS = 'id, sku, name, unit_price, unit_cost, tax_rate, reorder_point, on_hand, reserved';

export function toProduct(r: ProductRow): ProductType {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    unitPrice: r.unit_price,
    unitCost: r.unit_cost,
    taxRate: r.tax_rate,
    reorderPoint: r.reorder_point,
    stock: { onHand: r.on_hand, reserved: r.reserved, available: r.on_hand - r.reserved },
  };
}

/** Every signed-in role reads the catalog. */
export function createProductLoaders(em: EntityManager) {
  return {
    product: new DataLoader<string, ProductType | null>(async (ids) => {
      const rows = await query<ProductRow>(em, `select ${PRODUCT_COLUMNS} from products where id in (?)`, [[...ids]]);
      const byId = new Map(rows.map((r) => [r.id, toProduct(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
