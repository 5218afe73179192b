import type { EntityManager } from '@mikro-orm/postgresql';
import type { InvoiceAtDate } from '@tandem/domain';
import { query, type ScopeSql } from '../../db/sql';

/**
 * The domain's `invoicesAsOf` in one grouped statement: each invoice issued on
 * or before `asOf`, with what payments received on or before `asOf` had paid
 * on it. `scope` limits the customers read; omit it only for internal checks.
 */
export async function loadInvoicesAsOf(em: EntityManager, asOf: string, scope: ScopeSql = () => ({ sql: 'true', params: [] })): Promise<InvoiceAtDate[]> {
  const customers = scope('i.customer_id');
  const rows = await query<{ id: string; customer_id: string; due_date: string; total: string; paid: string }>(
    em,
    `select i.id, i.customer_id, i.due_date::text as due_date, i.total,
            coalesce(sum(pa.amount) filter (where p.received_on <= ?), 0)::text as paid
       from invoices i
       left join payment_allocations pa on pa.invoice_id = i.id
       left join payments p on p.id = pa.payment_id
      where i.issue_date <= ? and ${customers.sql}
      group by i.id`,
    [asOf, asOf, ...customers.params],
  );
  return rows.map((r) => ({ invoiceId: r.id, customerId: r.customer_id, dueDate: r.due_date, total: r.total, paid: r.paid }));
}
