import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupBy, query } from '../../db/sql';
import { SUPPLIER_COLUMNS, toSupplier, type SupplierRow } from './purchasing.rows';
import type { PurchaseOrderLineType, SupplierType } from './purchasing.type';

/** Per-request loaders for purchasing; reached only through a document the viewer may read. */
export function createPurchasingLoaders(em: EntityManager) {
  return {
    supplier: new DataLoader<string, SupplierType | null>(async (ids) => {
      const rows = await query<SupplierRow>(em, `select ${SUPPLIER_COLUMNS} from suppliers s where s.id in (?)`, [[...ids]]);
      const byId = new Map(rows.map((r) => [r.id, toSupplier(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    linesByPurchaseOrder: new DataLoader<string, PurchaseOrderLineType[]>(async (ids) => {
      const rows = await query<{
        id: string;
        purchase_order_id: string;
        product_id: string;
        quantity: number;
        unit_cost: string;
        line_total: string;
        received_quantity: number;
        billed_quantity: number;
      }>(
        em,
        `select id, purchase_order_id, product_id, quantity, unit_cost::text as unit_cost, line_total::text as line_total, received_quantity, billed_quantity
           from purchase_order_lines where purchase_order_id in (?) order by purchase_order_id, line_no`,
        [[...ids]],
      );
      return groupBy(ids, rows, (r) => r.purchase_order_id).map((g) =>
        g.map((r) => ({
          id: r.id,
          purchaseOrderId: r.purchase_order_id,
          productId: r.product_id,
          quantity: r.quantity,
          unitCost: r.unit_cost,
          lineTotal: r.line_total,
          receivedQuantity: r.received_quantity,
          billedQuantity: r.billed_quantity,
        })),
      );
    }),
  };
}
