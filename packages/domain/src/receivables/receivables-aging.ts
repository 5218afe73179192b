import { money, sumMoney, ZERO, type Decimal, type DecimalLike } from '../money/decimal';
import { daysBetween, type IsoDate } from '../money/dates';

export interface AgingBuckets {
  notDue: Decimal;
  days1To30: Decimal;
  days31To60: Decimal;
  days61To90: Decimal;
  over90: Decimal;
  total: Decimal;
}

export type AgingBucket = Exclude<keyof AgingBuckets, 'total'>;

export interface InvoiceAtDate {
  invoiceId: string;
  customerId: string;
  dueDate: IsoDate;
  total: DecimalLike;
  /** what had been paid on it by asOf */
  paid: DecimalLike;
}

/** The bucket of an open balance by days past due at asOf: notDue when dueDate ≥ asOf. */
export function agingBucket(dueDate: IsoDate, asOf: IsoDate): AgingBucket {
  const days = daysBetween(dueDate, asOf);
  if (days <= 0) return 'notDue';
  if (days <= 30) return 'days1To30';
  if (days <= 60) return 'days31To60';
  if (days <= 90) return 'days61To90';
  return 'over90';
}

const empty = (): AgingBuckets => ({ notDue: ZERO, days1To30: ZERO, days31To60: ZERO, days61To90: ZERO, over90: ZERO, total: ZERO });

/**
 * Receivables aging as of a date: each invoice issued by asOf, less what was
 * paid on it by asOf, bucketed by days past due. Rows add up to their total;
 * customers add up to the grand total. Customers with nothing open are left out.
 */
export function ageReceivables(input: { asOf: IsoDate; invoices: readonly InvoiceAtDate[] }): { total: AgingBuckets; customers: (AgingBuckets & { customerId: string })[] } {
  const rows = new Map<string, AgingBuckets>();
  for (const inv of input.invoices) {
    const open = money(inv.total).minus(money(inv.paid));
    if (open.lte(0)) continue;
    const row = rows.get(inv.customerId) ?? empty();
    const bucket = agingBucket(inv.dueDate, input.asOf);
    row[bucket] = row[bucket].plus(open);
    row.total = row.total.plus(open);
    rows.set(inv.customerId, row);
  }
  const customers = [...rows.entries()].map(([customerId, b]) => ({ customerId, ...b }));
  const keys: (keyof AgingBuckets)[] = ['notDue', 'days1To30', 'days31To60', 'days61To90', 'over90', 'total'];
  const total = Object.fromEntries(keys.map((k) => [k, sumMoney(customers.map((c) => c[k]))])) as unknown as AgingBuckets;
  return { total, customers };
}
