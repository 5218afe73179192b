import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { assertMayReadCommercial, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { customerScopeSql, query, todayUtc } from '../../db/sql';
import type { ReceivablesAgingType } from './aging.type';

/** Receivables aging as of a date, for the customers the viewer may read. */
export class AgingService {
  async receivablesAging(em: EntityManager, viewer: Viewer | null, asOf: string | null | undefined): Promise<ReceivablesAgingType> {
    const v = requireViewer(viewer);
    assertMayReadCommercial(v, 'receivables');
    const date = asOf ?? todayUtc();
    const scope = customerScopeSql(v, 'i.customer_id');
    // Each invoice issued by asOf with what had been paid on it by asOf, in one grouped statement.
    const rows = await query<{ id: string; customer_id: string; due_date: string; total: string; paid: string }>(
      em,
      `select i.id, i.customer_id, i.due_date::text as due_date, i.total,
              coalesce(sum(pa.amount) filter (where p.received_on <= ?), 0)::text as paid
         from invoices i
         left join payment_allocations pa on pa.invoice_id = i.id
         left join payments p on p.id = pa.payment_id
        where i.issue_date <= ? and ${scope.sql}
        group by i.id`,
      [date, date, ...scope.params],
    );
    const aging = domain.ageReceivables({
      asOf: date,
      invoices: rows.map((r) => ({ invoiceId: r.id, customerId: r.customer_id, dueDate: r.due_date, total: r.total, paid: r.paid })),
    });
    const fmt = (b: domain.AgingBuckets) => ({
      notDue: domain.formatMoney(b.notDue),
      days1To30: domain.formatMoney(b.days1To30),
      days31To60: domain.formatMoney(b.days31To60),
      days61To90: domain.formatMoney(b.days61To90),
      over90: domain.formatMoney(b.over90),
      total: domain.formatMoney(b.total),
    });
    return {
      asOf: date,
      total: fmt(aging.total),
      customers: aging.customers.map((c) => ({ customerId: c.customerId, ...fmt(c) })),
    };
  }
}
