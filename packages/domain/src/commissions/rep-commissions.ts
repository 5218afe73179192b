import { money, roundMoney, sumMoney, type Decimal, type DecimalLike } from '../money/decimal';
import type { IsoDate } from '../money/dates';

/** The default commission rate: 5 % of revenue. */
export const DEFAULT_COMMISSION_RATE = '0.05';

export interface PaidInvoiceFacts {
  ownerId: string;
  /** revenue is the invoice subtotal: net of tax */
  subtotal: DecimalLike;
  /** the date the invoice became fully paid; null while it is not */
  paidOn: IsoDate | null;
}

/**
 * Commission per rep: rate × revenue (invoice subtotals, net of tax) of the
 * invoices fully paid within [from, to] for customers the rep owns. Rounded
 * once per rep.
 */
export function commissionsByRep(invoices: readonly PaidInvoiceFacts[], period: { from: IsoDate; to: IsoDate }, rate: DecimalLike = DEFAULT_COMMISSION_RATE): { ownerId: string; revenue: Decimal; commission: Decimal }[] {
  const byRep = new Map<string, DecimalLike[]>();
  for (const i of invoices) {
    if (i.paidOn === null || i.paidOn < period.from || i.paidOn > period.to) continue;
    byRep.set(i.ownerId, [...(byRep.get(i.ownerId) ?? []), i.subtotal]);
  }
  return [...byRep.entries()]
    .map(([ownerId, subtotals]) => {
      const revenue = sumMoney(subtotals);
      return { ownerId, revenue, commission: roundMoney(revenue.times(money(rate))) };
    })
    .sort((a, b) => a.ownerId.localeCompare(b.ownerId));
}
