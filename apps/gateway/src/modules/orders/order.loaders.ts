import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Viewer } from '../../auth/viewer';
import { customerScopeSql, groupBy, query, type ScopeSql } from '../../db/sql';
import type { OrderLineType, OrderType } from './order.type';

export interface OrderRow {
  id: string;
  number: string;
  status: OrderType['status'];
  order_date: string;
  subtotal: string;
  tax_total: string;
  total: string;
  customer_id: string;
}
export const ORDER_COLUMNS = 'o.id, o.number, o.status, o.order_date::text as order_date, o.subtotal, o.tax_total, o.total, o.customer_id';

export function toOrder(r: OrderRow): OrderType {
  return { id: r.id, number: r.number, status: r.status, orderDate: r.order_date, subtotal: r.subtotal, taxTotal: r.tax_total, total: r.total, customerId: r.customer_id };
}

/** Orders a viewer may read: the warehouse reads every order (not its customer), support none, sales by customer scope. */
export function orderScopeSql(viewer: Viewer | null): ScopeSql {
  return (column) => {
    if (!viewer || viewer.role === Role.SUPPORT) return { sql: 'false', params: [] };
    if (viewer.role === Role.WAREHOUSE) return { sql: 'true', params: [] };
    return customerScopeSql(viewer, column);
  };
}

export interface RecentPage<T> {
  rows: T[];
  hasMore: boolean;
}

/** Per-request loaders for orders, their lines and customers' recent orders (one statement per batch). */
export function createOrderLoaders(em: EntityManager, viewer: Viewer | null) {
  const scope = orderScopeSql(viewer);
  const recentByLimit = new Map<number, DataLoader<string, RecentPage<OrderType>>>();
  return {
    order: new DataLoader<string, OrderType | null>(async (ids) => {
      const s = scope('o.customer_id');
      const rows = await query<OrderRow>(em, `select ${ORDER_COLUMNS} from orders o where o.id in (?) and ${s.sql}`, [[...ids], ...s.params]);
      const byId = new Map(rows.map((r) => [r.id, toOrder(r)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    linesByOrder: new DataLoader<string, OrderLineType[]>(async (ids) => {
      const rows = await query<{
        id: string;
        order_id: string;
        product_id: string;
        quantity: number;
        shipped_quantity: number;
        invoiced_quantity: number;
        unit_price: string;
        discount_percent: string;
        line_net: string;
        tax_amount: string;
      }>(
        em,
        `select id, order_id, product_id, quantity, shipped_quantity, invoiced_quantity, unit_price, discount_percent, line_net, tax_amount
           from order_lines where order_id in (?) order by order_id, line_no`,
        [[...ids]],
      );
      const lines = rows.map((r) => ({
        id: r.id,
        orderId: r.order_id,
        productId: r.product_id,
        quantity: r.quantity,
        shippedQuantity: r.shipped_quantity,
        invoicedQuantity: r.invoiced_quantity,
        unitPrice: r.unit_price,
        discountPercent: r.discount_percent,
        lineTotal: r.line_net,
        taxAmount: r.tax_amount,
      }));
      return groupBy(ids, lines, (l) => l.orderId);
    }),

    /** A customer's newest `limit` orders, for a whole page of customers in one window query. */
    recentByCustomer(limit: number): DataLoader<string, RecentPage<OrderType>> {
      let loader = recentByLimit.get(limit);
      if (!loader) {
        loader = new DataLoader(async (customerIds) => {
          const s = scope('o.customer_id');
          const rows = await query<OrderRow & { rn: string }>(
            em,
            `select * from (
               select ${ORDER_COLUMNS}, row_number() over (partition by o.customer_id order by o.order_date desc, o.number desc) as rn
                 from orders o where o.customer_id in (?) and ${s.sql}
             ) x where x.rn <= ?`,
            [[...customerIds], ...s.params, limit + 1],
          );
          return groupBy(customerIds, rows, (r) => r.customer_id).map((g) => ({ rows: g.slice(0, limit).map(toOrder), hasMore: g.length > limit }));
        });
        recentByLimit.set(limit, loader);
      }
      return loader;
    },

    countByCustomer: new DataLoader<string, number>(async (customerIds) => {
      const s = scope('customer_id');
      const rows = await query<{ customer_id: string; n: string }>(em, `select customer_id, count(*) as n from orders where customer_id in (?) and ${s.sql} group by customer_id`, [
        [...customerIds],
        ...s.params,
      ]);
      const byId = new Map(rows.map((r) => [r.customer_id, Number(r.n)]));
      return customerIds.map((id) => byId.get(id) ?? 0);
    }),
  };
}

export type OrderLoaders = ReturnType<typeof createOrderLoaders>;
