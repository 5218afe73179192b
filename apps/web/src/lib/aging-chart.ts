import type { ReceivablesAgingQuery } from '@tandem/client';
import { compareMoney, sumMoney } from './money';

export type Aging = NonNullable<ReceivablesAgingQuery['receivablesAging']>;

/** The aging buckets: the API's field, its name, and the short name under a bar (room for five at phone width). */
export const BUCKETS = [
  ['notDue', 'Not due', 'Not due'],
  ['days1To30', '1–30 days', '1–30'],
  ['days31To60', '31–60 days', '31–60'],
  ['days61To90', '61–90 days', '61–90'],
  ['over90', 'Over 90 days', '90+'],
] as const;

/** The short name of a bucket, from its name (what the chart's axis labels). */
export const shortBucket = (label: string): string => BUCKETS.find(([, name]) => name === label)?.[2] ?? label;

/** How many customers get a series of their own; the rest are stacked as one "Others". */
export const SHOWN = 6;
const OTHERS = 'others';

/** One stacked series: a customer (keyed by its id, names may repeat) or "Others". `dataKey` is where its bar height is in a row. */
export interface ChartSeries {
  key: string;
  name: string;
  dataKey: string;
}

/** One bar: a bucket's label, each series' height (for drawing only) and each series' amount as the exact string the tooltip shows. */
export interface ChartRow {
  bucket: string;
  heights: Record<string, number>;
  amounts: Record<string, string>;
}

/**
 * The aging chart's bars, one per bucket, stacked by customer: the largest
 * six by total (compared exactly), then "Others" with the exact sum of the
 * rest. A presentation grouping only: every amount is the API's string or an
 * exact sum of them, and only bar heights are numbers.
 */
export function chartRows(aging: Aging): { series: ChartSeries[]; rows: ChartRow[] } {
  const bySize = [...aging.customers].sort((a, b) => compareMoney(b.total, a.total));
  const largest = bySize.slice(0, SHOWN);
  const rest = bySize.slice(SHOWN);
  const series = [...largest.map((c) => ({ key: c.customer.id, name: c.customer.name })), ...(rest.length ? [{ key: OTHERS, name: 'Others' }] : [])];
  return {
    series: series.map((s) => ({ ...s, dataKey: `heights.${s.key}` })),
    rows: BUCKETS.map(([bucket, label]) => {
      const amounts: Record<string, string> = Object.fromEntries(largest.map((c) => [c.customer.id, c[bucket]]));
      if (rest.length) amounts[OTHERS] = sumMoney(rest.map((c) => c[bucket]));
      const heights = Object.fromEntries(Object.entries(amounts).map(([key, amount]) => [key, Number(amount)]));
      return { bucket: label, heights, amounts };
    }),
  };
}

/** The exact amount behind one bar segment (what the tooltip shows), from the row and the series' dataKey. */
export function amountAt(row: ChartRow, dataKey: unknown): string | undefined {
  return typeof dataKey === 'string' && dataKey.startsWith('heights.') ? row.amounts[dataKey.slice('heights.'.length)] : undefined;
}
