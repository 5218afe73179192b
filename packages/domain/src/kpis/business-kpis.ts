import { money, roundMoney, sumMoney, type Decimal, type DecimalLike } from '../money/decimal';
import { daysBetween, type IsoDate } from '../money/dates';

export { weightedPipeline, winRate } from '../pipeline/pipeline-forecast';

/** Revenue in a period: Σ subtotals (net of tax) of invoices issued within [from, to]. */
export function revenueInPeriod(invoices: readonly { issueDate: IsoDate; subtotal: DecimalLike }[], period: { from: IsoDate; to: IsoDate }): Decimal {
  return sumMoney(invoices.filter((i) => i.issueDate >= period.from && i.issueDate <= period.to).map((i) => i.subtotal));
}

/**
 * Days sales outstanding: receivables ÷ revenue × days in the period (both
 * ends counted), to one decimal; null without revenue.
 */
export function daysSalesOutstanding(receivables: DecimalLike, revenue: DecimalLike, period: { from: IsoDate; to: IsoDate }): Decimal | null {
  const r = money(revenue);
  if (r.lte(0)) return null;
  return money(receivables).div(r).times(daysBetween(period.from, period.to) + 1).toDecimalPlaces(1);
}

/** Average customer lifetime value: paid revenue per customer; null without customers. */
export function averageLifetimeValue(paidByCustomer: readonly DecimalLike[]): Decimal | null {
  return paidByCustomer.length === 0 ? null : roundMoney(sumMoney(paidByCustomer).div(paidByCustomer.length));
}

/**
 * Customer acquisition cost: the cost of the campaigns in the period divided by
 * the customers converted from those campaigns' leads; null when none converted.
 */
export function customerAcquisitionCost(campaignCosts: readonly DecimalLike[], convertedCustomers: number): Decimal | null {
  return convertedCustomers <= 0 ? null : roundMoney(sumMoney(campaignCosts).div(convertedCustomers));
}
