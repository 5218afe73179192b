import { money, roundMoney, sumMoney, type Decimal, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { daysInPeriod, isWithinPeriod, type ReportingPeriod } from './reporting-period';

/** Revenue in a period: Σ subtotals (net of tax) of the invoices issued within it, both ends included. */
export function revenueInPeriod(invoices: readonly { issueDate: IsoDate; subtotal: DecimalLike }[], period: ReportingPeriod): Decimal {
  return sumMoney(invoices.filter((i) => isWithinPeriod(i.issueDate, period)).map((i) => i.subtotal));
}

/**
 * Days sales outstanding = receivables ÷ revenue × days in the period (both
 * ends counted), to one decimal; null when the period has no revenue.
 * `receivables` is what is open at the period's end.
 */
export function daysSalesOutstanding(d: { receivables: DecimalLike; revenue: DecimalLike; period: ReportingPeriod }): Decimal | null {
  const revenue = money(d.revenue);
  if (revenue.lte(0)) return null;
  return money(d.receivables).div(revenue).times(daysInPeriod(d.period)).toDecimalPlaces(1);
}

/** Average customer lifetime value: paid revenue per customer (Σ what each customer has paid ÷ the number of customers), rounded once; null without customers. */
export function averageCustomerLifetimeValue(paidByCustomer: readonly DecimalLike[]): Decimal | null {
  return paidByCustomer.length === 0 ? null : roundMoney(sumMoney(paidByCustomer).div(paidByCustomer.length));
}
