import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { mayReadCommercial } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { customerScopeSql, groupBy, query, todayUtc, type ScopeSql } from '../../db/sql';
import type { RecentPage } from '../orders/order.loaders';
import { invoiceView } from './invoice-view';
import type { InvoiceStatus } from './invoice.entity';
import type { InvoiceType } from './invoice.type';

export interface InvoiceRow {
  id: string;
  number: string;
  status: InvoiceStatus;
  issue_date: string;
  due_date: string;
  subtotal: string;
  tax_total: string;
  total: string;
  amount_paid: string;
  customer_id: string;
  order_id: string;
}
export const INVOICE_COLUMNS = 'i.id, i.number, i.status, i.issue_date::text as issue_date, i.due_date::text as due_date, i.subtotal, i.tax_total, i.total, i.amount_paid, i.customer_id, i.order_id';

/** Invoices are commercial data: sales (by customer scope), finance and admin. */
export function invoiceScopeSql(viewer: Viewer | null): ScopeSql {
  return (column) => (viewer && mayReadCommercial(viewer) ? customerScopeSql(viewer, column) : { sql: 'false', params: [] });
}

/** Per-request loaders for invoices (one statement per batch). */
export function createInvoiceLoaders(em: EntityManager, viewer: Viewer | null) {
  const scope = invoiceScopeSql(viewer);
  const today = todayUtc();
  const recent = new Map<string, DataLoader<string, RecentPage<InvoiceType>>>();
  const counts = new Map<string, DataLoader<string, number>>();
  const statusSql = (statuses: InvoiceStatus[] | null) => (statuses?.length ? { sql: 'and i.status in (?)', params: [statuses] } : { sql: '', params: [] });

  return {
    invoice: new DataLoader<string, InvoiceType | null>(async (ids) => {
      const s = scope('i.customer_id');
      const rows = await query<InvoiceRow>(em, `select ${INVOICE_COLUMNS} from invoices i where i.id in (?) and ${s.sql}`, [[...ids], ...s.params]);
      const byId = new Map(rows.map((r) => [r.id, invoiceView(r, today)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    byOrder: new DataLoader<string, InvoiceType[]>(async (orderIds) => {
      const s = scope('i.customer_id');
      const rows = await query<InvoiceRow>(em, `select ${INVOICE_COLUMNS} from invoices i where i.order_id in (?) and ${s.sql} order by i.issue_date, i.number`, [[...orderIds], ...s.params]);
      return groupBy(
        orderIds,
        rows.map((r) => invoiceView(r, today)),
        (i) => i.orderId,
      );
    }),

    /** A customer's `limit` invoices (oldest due first), optionally by status, for a page of customers at once. */
    recentByCustomer(limit: number, statuses: InvoiceStatus[] | null): DataLoader<string, RecentPage<InvoiceType>> {
      const key = `${limit}|${statuses?.slice().sort().join(',') ?? ''}`;
      let loader = recent.get(key);
      if (!loader) {
        loader = new DataLoader(async (customerIds) => {
          const s = scope('i.customer_id');
          const st = statusSql(statuses);
          const rows = await query<InvoiceRow & { rn: string }>(
            em,
            `select * from (
               select ${INVOICE_COLUMNS}, row_number() over (partition by i.customer_id order by i.due_date, i.number) as rn
                 from invoices i where i.customer_id in (?) ${st.sql} and ${s.sql}
             ) x where x.rn <= ?`,
            [[...customerIds], ...st.params, ...s.params, limit + 1],
          );
          return groupBy(customerIds, rows, (r) => r.customer_id).map((g) => ({
            rows: g.slice(0, limit).map((r) => invoiceView(r, today)),
            hasMore: g.length > limit,
          }));
        });
        recent.set(key, loader);
      }
      return loader;
    },

    countByCustomer(statuses: InvoiceStatus[] | null): DataLoader<string, number> {
      const key = statuses?.slice().sort().join(',') ?? '';
      let loader = counts.get(key);
      if (!loader) {
        loader = new DataLoader(async (customerIds) => {
          const s = scope('i.customer_id');
          const st = statusSql(statuses);
          const rows = await query<{ customer_id: string; n: string }>(
            em,
            `select i.customer_id, count(*) as n from invoices i where i.customer_id in (?) ${st.sql} and ${s.sql} group by i.customer_id`,
            [[...customerIds], ...st.params, ...s.params],
          );
          const byId = new Map(rows.map((r) => [r.customer_id, Number(r.n)]));
          return customerIds.map((id) => byId.get(id) ?? 0);
        });
        counts.set(key, loader);
      }
      return loader;
    },
  };
}

export type InvoiceLoaders = ReturnType<typeof createInvoiceLoaders>;
