import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from 'urql';
import { ReceivablesAgingDocument } from '@tandem/client';
import { Restricted } from '../components/CreditBadge';
import { amountAt, BUCKETS, chartRows, shortBucket, type ChartRow } from '../lib/aging-chart';
import { failures, forbiddenPaths, isForbidden } from '../lib/errors';
import { formatDate, formatMoney, todayUtc } from '../lib/format';

const COLOURS = ['#2563eb', '#0891b2', '#7c3aed', '#c026d3', '#ea580c', '#65a30d', '#64748b'];

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
                <XAxis dataKey="bucket" tickFormatter={shortBucket} interval={0} tick={{ fontSize: 12 }} />
                <YAxis width={56} tick={{ fontSize: 12 }} />
                {/* The exact amount (the API's, or the exact sum for "Others"), never the drawn number. */}
                <Tooltip formatter={(_value, name, item) => [formatMoney(amountAt(item.payload as ChartRow, item.dataKey)), name]} />
                <Legend />
                {chart.series.map((s, i) => (
                  <Bar key={s.key} dataKey={s.dataKey} name={s.name} stackId="aging" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
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
            <table className="stacks">
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
                    {BUCKETS.map(([key, label]) => (
                      <td key={key} className="num" data-label={label}>
                        {formatMoney(c[key])}
                      </td>
                    ))}
                    <td className="num" data-label="Total">
                      {formatMoney(c.total)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All customers</th>
                  {BUCKETS.map(([key, label]) => (
                    <td key={key} className="num" data-label={label}>
                      {formatMoney(aging.total[key])}
                    </td>
                  ))}
                  <td className="num" data-label="Total">
                    {formatMoney(aging.total.total)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
