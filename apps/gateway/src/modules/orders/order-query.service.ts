import type { EntityManager } from '@mikro-orm/postgresql';
import { assertMayReadOrders, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import type { ConnectionValue } from '../../graphql/connection';
import { customerScopeSql } from '../../db/sql';
import { dateCursor, datedConnection, dateRangeSql, parseIdArg, type DateKeyset, type Sql } from '../../graphql/keyset';
import type { OrderStatus } from './order.entity';
import { ORDER_COLUMNS, orderScopeSql, toOrder, type OrderRow } from './order.loaders';
import type { OrderType } from './order.type';

export interface OrderListArgs {
  first: number;
  after?: string | null;
  customerId?: string | null;
  status?: OrderStatus[] | null;
  from?: string | null;
  to?: string | null;
}

/** Newest first, as customer.orders shows them: a cursor of one list is valid in the other. */
export const ORDERS_NEWEST_FIRST: DateKeyset = { date: 'o.order_date', tie: 'o.number', tieIsUuid: false, descending: true };
export const orderCursor = (o: OrderType): string => dateCursor(o.orderDate, o.number);

/** Lists of orders under the viewer's order scope: the warehouse reads all of them, support none, sales its customers'. */
export class OrderQueryService {
  async orders(em: EntityManager, viewer: Viewer | null, args: OrderListArgs): Promise<ConnectionValue<OrderType>> {
    const v = requireViewer(viewer);
    assertMayReadOrders(v);
    const where: Sql[] = [orderScopeSql(v)('o.customer_id')];
    if (args.customerId != null) {
      // Filtering by customer is reading the customer: a customer the viewer may not read matches nothing.
      where.push({ sql: 'o.customer_id = ?', params: [parseIdArg(args.customerId, ['customerId'])] }, customerScopeSql(v, 'o.customer_id'));
    }
    if (args.status?.length) where.push({ sql: 'o.status in (?)', params: [args.status] });
    where.push(...dateRangeSql('o.order_date', args.from, args.to, ['from', 'to']));
    return datedConnection<OrderRow & { sort_date: string; sort_tie: string }, OrderType>(em, {
      select: ORDER_COLUMNS,
      from: 'orders o',
      where,
      keyset: ORDERS_NEWEST_FIRST,
      first: args.first,
      after: args.after,
      node: toOrder,
    });
  }
}
