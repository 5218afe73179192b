import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayReadPurchasing, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import type { ConnectionValue } from '../../graphql/connection';
import { datedConnection, type DateKeyset, type Sql } from '../../graphql/keyset';
import type { PurchaseOrderStatus } from './purchase-order.entity';
import { PURCHASE_ORDER_COLUMNS, SUPPLIER_COLUMNS, toPurchaseOrder, toSupplier, type PurchaseOrderRow, type SupplierRow } from './purchasing.rows';
import type { PurchaseOrderType, SupplierType } from './purchasing.type';

const SUPPLIERS_NEWEST_FIRST: DateKeyset = { date: 's.created_at::date', tie: 's.id', tieIsUuid: true, descending: true };
const ORDERS_NEWEST_FIRST: DateKeyset = { date: 'po.created_at::date', tie: 'po.id', tieIsUuid: true, descending: true };

/** Lists of suppliers and purchase orders: FINANCE, WAREHOUSE and ADMIN. */
export class PurchasingQueryService {
  async suppliers(em: EntityManager, viewer: Viewer | null, args: { first: number; after?: string | null }): Promise<ConnectionValue<SupplierType>> {
    assertMayReadPurchasing(requireViewer(viewer));
    return datedConnection<SupplierRow & { sort_date: string; sort_tie: string }, SupplierType>(em, {
      select: SUPPLIER_COLUMNS,
      from: 'suppliers s',
      where: [],
      keyset: SUPPLIERS_NEWEST_FIRST,
      first: args.first,
      after: args.after,
      node: toSupplier,
    });
  }

  async purchaseOrders(em: EntityManager, viewer: Viewer | null, args: { first: number; after?: string | null; status?: PurchaseOrderStatus[] | null }): Promise<ConnectionValue<PurchaseOrderType>> {
    assertMayReadPurchasing(requireViewer(viewer));
    const where: Sql[] = args.status?.length ? [{ sql: 'po.status in (?)', params: [args.status] }] : [];
    return datedConnection<PurchaseOrderRow & { sort_date: string; sort_tie: string }, PurchaseOrderType>(em, {
      select: PURCHASE_ORDER_COLUMNS,
      from: 'purchase_orders po',
      where,
      keyset: ORDERS_NEWEST_FIRST,
      first: args.first,
      after: args.after,
      node: toPurchaseOrder,
    });
  }
}
