import { formatMoney } from '../money';
import { averageLifetimeValue, customerAcquisitionCost, daysSalesOutstanding, revenueInPeriod, weightedPipeline, winRate } from './business-kpis';

const q1 = { from: '2025-01-01', to: '2025-03-31' };

it('sums revenue issued in the period', () => {
  expect(formatMoney(revenueInPeriod([{ issueDate: '2024-12-31', subtotal: '5.00' }, { issueDate: '2025-01-01', subtotal: '10.00' }, { issueDate: '2025-03-31', subtotal: '2.50' }], q1))).toBe('12.50');
});

it.each([
  ['300.00', '900.00', '30.0'],
  ['0', '900.00', '0.0'],
  ['100.00', '0', null],
])('DSO with receivables %s on revenue %s over 90 days is %s', (ar, rev, want) => {
  const d = daysSalesOutstanding(ar, rev, q1);
  expect(d === null ? null : d.toFixed(1)).toBe(want);
});

it('averages lifetime value and acquisition cost', () => {
  expect(formatMoney(averageLifetimeValue(['100.00', '200.00', '0.01'])!)).toBe('100.00');
  expect(averageLifetimeValue([])).toBeNull();
  expect(formatMoney(customerAcquisitionCost(['1000.00', '500.00'], 4)!)).toBe('375.00');
  expect(customerAcquisitionCost(['1000.00'], 0)).toBeNull();
});

it('reuses the pipeline figures', () => {
  expect(formatMoney(weightedPipeline([{ stage: 'PROPOSAL', amount: '10.00' }]))).toBe('5.00');
  expect(winRate([{ stage: 'WON' }, { stage: 'LOST' }])?.toFixed(2)).toBe('0.50');
});
