import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer';
import { groupBy, query } from '../../db/sql';
import type { RecentPage } from '../orders/order.loaders';
import { invoiceScopeSql } from './invoice.loaders';
import type { PaymentAllocationType, PaymentType } from './payment.type';

export interface PaymentRow {
  id: string;
  customer_id: string;
  amount: string;
  received_on: string;
  reference: string | null;
  unapplied_amount: string;
}
export const PAYMENT_COLUMNS = 'p.id, p.customer_id, p.amount, p.received_on::text as received_on, p.reference, p.unapplied_amount';

/** A payment row; its allocations resolve through `allocationsByPayment` when selected. */
export function toPayment(r: PaymentRow): PaymentType {
  return { id: r.id, customerId: r.customer_id, amount: r.amount, receivedOn: r.received_on, reference: r.reference, unappliedAmount: r.unapplied_amount };
}

/** Per-request loaders for payments; scoped like invoices (commercial readers, a rep its own customers). */
export function createPaymentLoaders(em: EntityManager, viewer: Viewer | null) {
  const scope = invoiceScopeSql(viewer);
  const recent = new Map<number, DataLoader<string, RecentPage<PaymentType>>>();
  return {
    /** A customer's newest `limit` payments, for a whole page of customers in one window query. */
    recentByCustomer(limit: number): DataLoader<string, RecentPage<PaymentType>> {
      let loader = recent.get(limit);
      if (!loader) {
        loader = new DataLoader(async (customerIds) => {
          const s = scope('p.customer_id');
          const rows = await query<PaymentRow & { rn: string }>(
            em,
            `select * from (
               select ${PAYMENT_COLUMNS}, row_number() over (partition by p.customer_id order by p.received_on desc, p.id desc) as rn
                 from payments p where p.customer_id in (?) and ${s.sql}
             ) x where x.rn <= ?`,
            [[...customerIds], ...s.params, limit + 1],
          );
          return groupBy(customerIds, rows, (r) => r.customer_id).map((g) => ({ rows: g.slice(0, limit).map(toPayment), hasMore: g.length > limit }));
        });
        recent.set(limit, loader);
      }
      return loader;
    },

    countByCustomer: new DataLoader<string, number>(async (customerIds) => {
      const s = scope('p.customer_id');
      const rows = await query<{ customer_id: string; n: string }>(em, `select p.customer_id, count(*) as n from payments p where p.customer_id in (?) and ${s.sql} group by p.customer_id`, [
        [...customerIds],
        ...s.params,
      ]);
      const byId = new Map(rows.map((r) => [r.customer_id, Number(r.n)]));
      return customerIds.map((id) => byId.get(id) ?? 0);
    }),

    /** What each payment paid on which invoice, in one statement per batch. */
    allocationsByPayment: new DataLoader<string, (PaymentAllocationType & { paymentId: string })[]>(async (paymentIds) => {
      const s = scope('p.customer_id');
      const rows = await query<{ payment_id: string; invoice_id: string; amount: string }>(
        em,
        `select a.payment_id, a.invoice_id, a.amount from payment_allocations a join payments p on p.id = a.payment_id
          where a.payment_id in (?) and ${s.sql} order by a.payment_id, a.id`,
        [[...paymentIds], ...s.params],
      );
      return groupBy(
        paymentIds,
        rows.map((r) => ({ paymentId: r.payment_id, invoiceId: r.invoice_id, amount: r.amount })),
        (a) => a.paymentId,
      );
    }),
  };
}

export type PaymentLoaders = ReturnType<typeof createPaymentLoaders>;
