import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { ReceivablesAgingDocument, type ReceivablesAgingQuery } from '@tandem/client';
import { Restricted } from '../components/CreditBadge';
import { failures, forbiddenPaths, isForbidden } from '../lib/errors';
import { formatDate, formatMoney, todayUtc } from '../lib/format';

type Aging = NonNullable<ReceivablesAgingQuery['receivablesAging']>;
const BUCKETS = [
  ['notDue', 'Not due'],
  ['days1To30', '1–30 days'],
  ['days31To60', '31–60 days'],
  ['days61To90', '61–90 days'],
  ['over90', 'Over 90 days'],
] as const;
const COLOURS = ['#2563eb', '#0891b2', '#7c3aed', '#c026d3', '#ea580c', '#65a30d', '#64748b'];
const SHOWN = 6;

/**
 * The chart's bars, one per bucket, stacked by customer (the six largest, then
 * "others"). Heights are drawn from the API's amounts; every figure written on
 * the screen is the API's own string.
 */
export function chartRows(aging: Aging) {
  const largest = [...aging.customers].sort((a, b) => Number(b.total) - Number(a.total)).slice(0, SHOWN);
  const rest = aging.customers.filter((c) => !largest.includes(c));
  return {
    series: [...largest.map((c) => c.customer.name), ...(rest.length ? ['Others'] : [])],
    rows: BUCKETS.map(([key, label]) => {
      const row: Record<string, string | number> = { bucket: label, total: aging.total[key] };
      for (const c of largest) {
        row[c.customer.name] = Number(c[key]);
        row[`${c.customer.name} (as sent)`] = c[key];
      }
      if (rest.length) row.Others = rest.reduce((sum, c) => sum + Number(c[key]), 0);
      return row;
    }),
  };
}

export function Receivables() {
  const [asOf, setAsOf] = useState(todayUtc());
  const [{ data, error, fetching }] = useQuery({ query: ReceivablesAgingDocument, variables: { asOf } });
  const forbidden = isForbidden(forbiddenPaths(error), ['receivablesAging']);
  const aging = data?.receivablesAging;
  const chart = aging ? chartRows(aging) : null;

  return (
    <section aria-labelledby="aging-title">
      <h1 id="aging-title">Receivables aging</h1>
      <div className="row">
        <label htmlFor="as-of">As of</label>
        <input id="as-of" type="date" value={asOf} min="1900-01-01" max="2999-12-31" onChange={(e) => e.target.value && setAsOf(e.target.value)} />
      </div>
      {forbidden && <Restricted />}
      {failures(error).map((p) => (
        <p key={p} role="alert" className="error">
          {p}
        </p>
      ))}
      {fetching && !aging && <p>Loading…</p>}
      {aging && chart && (
        <>
          <p>
            Owed as of {formatDate(aging.asOf)}: <strong data-testid="aging-total">{formatMoney(aging.total.total)}</strong>
          </p>
          <figure className="chart" aria-label="Open balances by days past due, stacked by customer">
            <ResponsiveContainer width="100%" height={320}>
              <BarChart data={chart.rows} margin={{ left: 8, right: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="bucket" />
                <YAxis width={70} />
                {/* The API's own amount where there is one; the drawn number only for "Others". */}
                <Tooltip
                  formatter={(value, name, item) => [formatMoney(((item.payload as Record<string, unknown>)[`${String(name)} (as sent)`] as string | undefined) ?? Number(value).toFixed(2)), name]}
                />
                <Legend />
                {chart.series.map((name, i) => (
                  <Bar key={name} dataKey={name} stackId="aging" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
            <figcaption>
              <ul className="bucket-totals">
                {BUCKETS.map(([key, label]) => (
                  <li key={key} data-testid={`bucket-${key}`}>
                    {label}: <strong>{formatMoney(aging.total[key])}</strong>
                  </li>
                ))}
              </ul>
            </figcaption>
          </figure>
          <div className="table-wrap">
            <table>
              <caption>By customer</caption>
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  {BUCKETS.map(([key, label]) => (
                    <th key={key} scope="col" className="num">
                      {label}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {aging.customers.map((c) => (
                  <tr key={c.customer.id}>
                    <th scope="row">{c.customer.name}</th>
                    {BUCKETS.map(([key]) => (
                      <td key={key} className="num">
                        {formatMoney(c[key])}
                      </td>
                    ))}
                    <td className="num">{formatMoney(c.total)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All customers</th>
                  {BUCKETS.map(([key]) => (
                    <td key={key} className="num">
                      {formatMoney(aging.total[key])}
                    </td>
                  ))}
                  <td className="num">{formatMoney(aging.total.total)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
