import { money, roundMoney, sumMoney, type Decimal, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';
import { isWithinPeriod, type ReportingPeriod } from '../kpis/reporting-period';

/** The default commission rate: 5 % of revenue. */
export const DEFAULT_COMMISSION_RATE = '0.05';

export interface CommissionInvoice {
  /** the rep who owns the invoice's customer */
  ownerId: string;
  /** the invoice subtotal: revenue net of tax */
  subtotal: DecimalLike;
  /** the date the invoice became fully paid; null while it is not */
  paidOn: IsoDate | null;
}

export interface RepCommission {
  ownerId: string;
  /** Σ subtotals (net of tax) of the invoices fully paid in the period */
  paidRevenue: Decimal;
  rate: Decimal;
  /** rate × paidRevenue, rounded once */
  amount: Decimal;
}

function checkedRate(rate: DecimalLike): Decimal {
  const r = money(rate);
  if (r.isNeg() || r.gt(1)) throw new RangeError(`a commission rate is a fraction between 0 and 1, not ${r.toString()}`);
  return r;
}

/**
 * Commission per rep = rate × revenue, where revenue is the invoice subtotal,
 * net of tax (tax is not the company's money), of invoices fully paid within
 * the period (`paidOn` inclusive at both ends) for customers the rep owns. The
 * rate is the rep's own when `rates` has one, else 5 % (or `defaultRate`);
 * rounded once per rep. Reps in `repIds` appear even with nothing paid; the
 * result is sorted by rep id.
 */
export function commissionsByRep(c: {
  invoices: readonly CommissionInvoice[];
  period: ReportingPeriod;
  rates?: Readonly<Record<string, DecimalLike>>;
  defaultRate?: DecimalLike;
  repIds?: readonly string[];
}): RepCommission[] {
  const byRep = new Map<string, DecimalLike[]>((c.repIds ?? []).map((id) => [id, []]));
  for (const i of c.invoices) {
    if (i.paidOn === null || !isWithinPeriod(i.paidOn, c.period)) continue;
    byRep.set(i.ownerId, [...(byRep.get(i.ownerId) ?? []), i.subtotal]);
  }
  return [...byRep.entries()]
    .map(([ownerId, subtotals]) => {
      const paidRevenue = sumMoney(subtotals);
      const rate = checkedRate(c.rates?.[ownerId] ?? c.defaultRate ?? DEFAULT_COMMISSION_RATE);
      return { ownerId, paidRevenue, rate, amount: roundMoney(paidRevenue.times(rate)) };
    })
    .sort((a, b) => (a.ownerId < b.ownerId ? -1 : 1)); // rep ids are unique keys
}
