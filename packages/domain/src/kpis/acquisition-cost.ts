import { roundMoney, sumMoney, type Decimal, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { isWithinPeriod, type ReportingPeriod } from './reporting-period';

export interface AcquisitionCampaign {
  id: string;
  cost: DecimalLike;
  startDate: IsoDate;
}

export interface AcquisitionLead {
  campaignId: string | null;
  /** the customer the lead was converted into; null while it is not */
  convertedCustomerId: string | null;
}

/**
 * Customer acquisition cost = the cost of the campaigns that started in the
 * period ÷ the distinct customers converted from those campaigns' leads,
 * rounded once; null when none were converted.
 */
export function customerAcquisitionCost(c: { campaigns: readonly AcquisitionCampaign[]; leads: readonly AcquisitionLead[]; period: ReportingPeriod }): Decimal | null {
  const campaigns = c.campaigns.filter((k) => isWithinPeriod(k.startDate, c.period));
  const ids = new Set(campaigns.map((k) => k.id));
  const customers = new Set(c.leads.filter((l) => l.campaignId !== null && ids.has(l.campaignId) && l.convertedCustomerId !== null).map((l) => l.convertedCustomerId));
  return customers.size === 0 ? null : roundMoney(sumMoney(campaigns.map((k) => k.cost)).div(customers.size));
}
