import type { Decimal, DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { isFinalStage } from '../pipeline/opportunity-stage';
import { weightedPipeline, winRate, type PipelineOpportunity } from '../pipeline/pipeline-forecast';
import { customerAcquisitionCost, type AcquisitionCampaign, type AcquisitionLead } from './acquisition-cost';
import { averageCustomerLifetimeValue, daysSalesOutstanding, revenueInPeriod } from './business-kpis';
import { isWithinPeriod, type ReportingPeriod } from './reporting-period';

export interface KpiReport {
  revenue: Decimal;
  daysSalesOutstanding: Decimal | null;
  averageCustomerLifetimeValue: Decimal | null;
  customerAcquisitionCost: Decimal | null;
  pipelineWeighted: Decimal;
  winRate: Decimal | null;
}

/**
 * The KPIs of a period: revenue of the invoices issued in it; DSO from the
 * receivables open at its end; average lifetime value over the customers
 * given; acquisition cost of the campaigns started in it; the weighted
 * pipeline of the opportunities open now; and the win rate of the
 * opportunities closed (WON or LOST) within it.
 */
export function kpiReport(k: {
  period: ReportingPeriod;
  invoices: readonly { issueDate: IsoDate; subtotal: DecimalLike }[];
  receivablesAtEnd: DecimalLike;
  paidByCustomer: readonly DecimalLike[];
  campaigns: readonly AcquisitionCampaign[];
  leads: readonly AcquisitionLead[];
  opportunities: readonly (PipelineOpportunity & { closedOn: IsoDate | null })[];
}): KpiReport {
  const revenue = revenueInPeriod(k.invoices, k.period);
  const closedInPeriod = k.opportunities.filter((o) => isFinalStage(o.stage) && o.closedOn !== null && isWithinPeriod(o.closedOn, k.period));
  return {
    revenue,
    daysSalesOutstanding: daysSalesOutstanding({ receivables: k.receivablesAtEnd, revenue, period: k.period }),
    averageCustomerLifetimeValue: averageCustomerLifetimeValue(k.paidByCustomer),
    customerAcquisitionCost: customerAcquisitionCost({ campaigns: k.campaigns, leads: k.leads, period: k.period }),
    pipelineWeighted: weightedPipeline(k.opportunities),
    winRate: winRate(closedInPeriod),
  };
}
