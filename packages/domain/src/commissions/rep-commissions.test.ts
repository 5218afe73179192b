import { formatMoney } from '../money';
import { commissionsByRep } from './rep-commissions';

const invoices = [
  { ownerId: 'rep-b', subtotal: '100.00', paidOn: '2025-01-15' },
  { ownerId: 'rep-a', subtotal: '333.33', paidOn: '2025-01-31' },
  { ownerId: 'rep-a', subtotal: '0.10', paidOn: '2025-01-01' },
  { ownerId: 'rep-a', subtotal: '1000.00', paidOn: '2025-02-01' },
  { ownerId: 'rep-b', subtotal: '50.00', paidOn: null },
];

it.each([
  [undefined, [['rep-a', '333.43', '16.67'], ['rep-b', '100.00', '5.00']]],
  ['0.1', [['rep-a', '333.43', '33.34'], ['rep-b', '100.00', '10.00']]],
])('pays rate %s of January revenue per rep', (rate, want) => {
  const r = commissionsByRep(invoices, { from: '2025-01-01', to: '2025-01-31' }, rate);
  expect(r.map((x) => [x.ownerId, formatMoney(x.revenue), formatMoney(x.commission)])).toEqual(want);
});

it('pays nothing for a period without paid invoices', () => {
  expect(commissionsByRep(invoices, { from: '2024-01-01', to: '2024-12-31' })).toEqual([]);
});
