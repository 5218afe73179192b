import type { EntityManager } from '@mikro-orm/postgresql';
import * as domain from '@tandem/domain';
import { assertMayReadCommissions, assertMayReadKpis, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { query } from '../../db/sql';
import { badUserInput } from '../../graphql/errors';
import type { CommissionType, KpisType } from './report.type';

const fmt = (d: domain.Decimal | null) => (d === null ? null : domain.formatMoney(d));

/** A reporting period from the arguments: BAD_USER_INPUT on `from` or `to` when it is not one (the domain's rule). */
function periodOf(from: string, to: string): domain.ReportingPeriod {
  const p = domain.checkReportingPeriod(from, to);
  if (!p.ok) throw badUserInput(p.message, p.field ?? ['from']);
  return p.value;
}

/**
 * KPIs (SALES_MANAGER, FINANCE, ADMIN) and commissions (FINANCE, ADMIN): the
 * facts are loaded in a few grouped statements and the figures are the
 * domain's (kpiReport, commissionsByRep). Receivables at the period's end are
 * the ledger's receivables account on that date: one number everywhere.
 */
export class ReportQueryService {
  async kpis(em: EntityManager, viewer: Viewer | null, from: string, to: string): Promise<KpisType> {
    assertMayReadKpis(requireViewer(viewer));
    const period = periodOf(from, to);
    const [invoices, receivables, paid, campaigns, leads, opportunities] = await Promise.all([
      query<{ issueDate: string; subtotal: string }>(em, `select issue_date::text as "issueDate", subtotal::text as subtotal from invoices where issue_date between ? and ?`, [period.from, period.to]),
      query<{ balance: string }>(
        em,
        `select coalesce(sum(l.debit - l.credit), 0)::text as balance from journal_lines l join journal_entries e on e.id = l.entry_id where l.account_code = ? and e.posted_at <= ?`,
        [domain.CHART_OF_ACCOUNTS.ACCOUNTS_RECEIVABLE.code, period.to],
      ),
      query<{ paid: string }>(em, `select sum(amount_paid)::text as paid from invoices group by customer_id`),
      query<{ id: string; cost: string; startDate: string }>(em, `select id, cost::text as cost, start_date::text as "startDate" from campaigns`),
      query<{ campaignId: string | null; convertedCustomerId: string | null }>(
        em,
        `select campaign_id as "campaignId", converted_customer_id as "convertedCustomerId" from leads where campaign_id is not null and converted_customer_id is not null`,
      ),
      query<{ stage: domain.PipelineStage; amount: string; closedOn: string | null }>(
        em,
        `select stage, amount::text as amount, (closed_at at time zone 'UTC')::date::text as "closedOn" from opportunities`,
      ),
    ]);
    const k = domain.kpiReport({
      period,
      invoices,
      receivablesAtEnd: receivables[0].balance,
      paidByCustomer: paid.map((p) => p.paid),
      campaigns,
      leads,
      opportunities,
    });
    return {
      revenue: domain.formatMoney(k.revenue),
      daysSalesOutstanding: k.daysSalesOutstanding === null ? null : k.daysSalesOutstanding.toFixed(1),
      averageCustomerLifetimeValue: fmt(k.averageCustomerLifetimeValue),
      customerAcquisitionCost: fmt(k.customerAcquisitionCost),
      pipelineWeighted: domain.formatMoney(k.pipelineWeighted),
      winRate: k.winRate === null ? null : k.winRate.toFixed(4),
    };
  }

  /** Per sales user: its customers' invoices fully paid in the period (paid on the last payment applied to them), at its rate. */
  async commissions(em: EntityManager, viewer: Viewer | null, from: string, to: string): Promise<CommissionType[]> {
    assertMayReadCommissions(requireViewer(viewer));
    const period = periodOf(from, to);
    const [invoices, reps] = await Promise.all([
      query<{ ownerId: string; subtotal: string; paidOn: string }>(
        em,
        `select c.owner_id as "ownerId", i.subtotal::text as subtotal, max(p.received_on)::text as "paidOn"
           from invoices i
           join customers c on c.id = i.customer_id
           join payment_allocations a on a.invoice_id = i.id
           join payments p on p.id = a.payment_id
          where i.status = 'PAID'
          group by i.id, c.owner_id, i.subtotal
         having max(p.received_on) between ? and ?`,
        [period.from, period.to],
      ),
      query<{ id: string; rate: string | null }>(em, `select id, commission_rate::text as rate from users where role = 'SALES_REP' and active`),
    ]);
    const rates = Object.fromEntries(reps.filter((r) => r.rate !== null).map((r) => [r.id, r.rate!]));
    return domain.commissionsByRep({ invoices, period, rates, repIds: reps.map((r) => r.id) }).map((c) => ({
      repId: c.ownerId,
      paidRevenue: domain.formatMoney(c.paidRevenue),
      rate: c.rate.toFixed(4),
      amount: domain.formatMoney(c.amount),
    }));
  }
}
