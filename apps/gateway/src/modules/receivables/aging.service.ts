import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { assertMayReadCommercial, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { customerScopeSql, todayUtc } from '../../db/sql';
import { loadInvoicesAsOf } from './aging.rows';
import type { ReceivablesAgingType } from './aging.type';

/** Receivables aging as of a date, for the customers the viewer may read. */
export class AgingService {
  async receivablesAging(em: EntityManager, viewer: Viewer | null, asOf: string | null | undefined): Promise<ReceivablesAgingType> {
    const v = requireViewer(viewer);
    assertMayReadCommercial(v, 'receivables');
    const date = asOf ?? todayUtc();
    const aging = domain.ageReceivables({ asOf: date, invoices: await loadInvoicesAsOf(em, date, (column) => customerScopeSql(v, column)) });
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
