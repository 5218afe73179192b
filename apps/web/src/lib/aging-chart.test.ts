import fc from 'fast-check';
import { amountAt, BUCKETS, chartRows, SHOWN, type Aging } from './aging-chart';
import { sumMoney } from './money';

type Amounts = [notDue: string, days1To30: string, days31To60: string, days61To90: string, over90: string];

const row = (id: string, amounts: Amounts) => ({
  customer: { id, name: `Customer ${id}` },
  ...(Object.fromEntries(BUCKETS.map(([key], i) => [key, amounts[i]])) as Record<(typeof BUCKETS)[number][0], string>),
  total: sumMoney(amounts),
});
const aging = (customers: ReturnType<typeof row>[]): Aging => ({
  asOf: '2026-11-23',
  customers,
  total: {
    ...(Object.fromEntries(BUCKETS.map(([key]) => [key, sumMoney(customers.map((c) => c[key]))])) as Record<(typeof BUCKETS)[number][0], string>),
    total: sumMoney(customers.map((c) => c.total)),
  },
});

describe('chartRows: the aging chart’s bars, a presentation grouping only', () => {
  it('gives each customer its own series when there are few, with the API’s strings as the amounts', () => {
    const chart = chartRows(aging([row('a', ['1250.5', '0.00', '0.00', '0.00', '0.00']), row('b', ['0.00', '10.00', '0.00', '0.00', '2000.00'])]));
    expect(chart.series).toEqual([
      { key: 'b', name: 'Customer b', dataKey: 'heights.b' },
      { key: 'a', name: 'Customer a', dataKey: 'heights.a' },
    ]);
    expect(chart.rows.map((r) => r.bucket)).toEqual(BUCKETS.map(([, label]) => label));
    expect(chart.rows[0]).toEqual({ bucket: 'Not due', amounts: { a: '1250.5', b: '0.00' }, heights: { a: 1250.5, b: 0 } });
  });

  it('keeps the six largest by total, compared exactly, and stacks the rest as “Others” with their exact sum', () => {
    const small = ['0.10', '0.20', '0.40'].map((a, i) => row(`small${i}`, [a, a, '0.00', '0.00', '0.00']));
    const large = Array.from({ length: SHOWN }, (_, i) => row(`large${i}`, ['0.00', '0.00', '0.00', '0.00', `${i + 1}000.00`]));
    // Equal as floats, not as amounts: the larger one is among the six, the smaller one goes to Others.
    const close = [row('nearly', ['0.00', '0.00', '0.00', '0.00', '9007199254740992.00']), row('bigger', ['0.00', '0.00', '0.00', '0.00', '9007199254740993.00'])];
    const chart = chartRows(aging([...small, ...close, ...large]));
    expect(chart.series.map((s) => s.key)).toEqual(['bigger', 'nearly', 'large5', 'large4', 'large3', 'large2', 'others']);
    expect(chart.series.at(-1)).toEqual({ key: 'others', name: 'Others', dataKey: 'heights.others' });
    // 0.10 + 0.20 + 0.40 as floats is 0.7000000000000001.
    expect(chart.rows[0].amounts.others).toBe('0.70');
    expect(chart.rows[1].amounts.others).toBe('0.70');
    expect(chart.rows[4].amounts.others).toBe('3000.00'); // large0 and large1
    expect(amountAt(chart.rows[0], 'heights.others')).toBe('0.70');
    expect(amountAt(chart.rows[4], 'heights.large5')).toBe('6000.00');
    expect(amountAt(chart.rows[4], 'others')).toBeUndefined();
  });

  it('loses nothing: per bucket, the series’ amounts add up exactly to the API’s total', () => {
    const largest = 99_999_999_999_999n; // numeric(14,2)
    const cents = fc.oneof(fc.bigInt({ min: 0n, max: largest }), fc.bigInt({ min: largest / 10n, max: largest })).map((c) => `${c / 100n}.${(c % 100n).toString().padStart(2, '0')}`);
    const amounts = fc.tuple(cents, cents, cents, cents, cents);
    fc.assert(
      fc.property(fc.array(amounts, { maxLength: 60, size: 'max' }), (list) => {
        const data = aging(list.map((a, i) => row(`c${i}`, a)));
        const chart = chartRows(data);
        expect(chart.series.length).toBe(Math.min(list.length, SHOWN) + (list.length > SHOWN ? 1 : 0));
        BUCKETS.forEach(([key], i) => {
          expect(sumMoney(Object.values(chart.rows[i].amounts))).toBe(sumMoney([data.total[key]]));
        });
      }),
    );
  });
});
