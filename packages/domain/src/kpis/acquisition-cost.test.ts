import fc from 'fast-check';
import { Decimal, formatMoney, sumMoney } from '../money';
import { customerAcquisitionCost } from './acquisition-cost';

const q1 = { from: '2025-01-01', to: '2025-03-31' };
const campaigns = [
  { id: 'web', cost: '1000.00', startDate: '2025-01-10' },
  { id: 'fair', cost: '500.00', startDate: '2025-03-31' },
  { id: 'old', cost: '9999.00', startDate: '2024-12-31' },
];

it.each([
  [
    'two customers from two campaigns',
    [
      { campaignId: 'web', convertedCustomerId: 'c1' },
      { campaignId: 'fair', convertedCustomerId: 'c2' },
    ],
    '750.00',
  ],
  [
    'a customer counted once however many of its leads converted',
    [
      { campaignId: 'web', convertedCustomerId: 'c1' },
      { campaignId: 'fair', convertedCustomerId: 'c1' },
      { campaignId: 'web', convertedCustomerId: 'c2' },
    ],
    '750.00',
  ],
  [
    'leads not converted, without a campaign, or from a campaign outside the period left out',
    [
      { campaignId: 'web', convertedCustomerId: 'c1' },
      { campaignId: 'web', convertedCustomerId: null },
      { campaignId: null, convertedCustomerId: 'c3' },
      { campaignId: 'old', convertedCustomerId: 'c4' },
    ],
    '1500.00',
  ],
  [
    'three customers, rounded once',
    [
      { campaignId: 'web', convertedCustomerId: 'a' },
      { campaignId: 'web', convertedCustomerId: 'b' },
      { campaignId: 'web', convertedCustomerId: 'c' },
    ],
    '500.00',
  ],
  ['nobody converted', [{ campaignId: 'web', convertedCustomerId: null }], null],
  ['no leads', [], null],
])('%s', (_what, leads, want) => {
  const cac = customerAcquisitionCost({ campaigns, leads, period: q1 });
  expect(cac === null ? null : formatMoney(cac)).toBe(want);
});

it('CAC × customers is the campaign cost within half a cent per customer (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 1e8 }), { minLength: 1, maxLength: 5 }),
      fc.array(fc.record({ campaign: fc.nat(4), customer: fc.option(fc.nat(9)) }), { maxLength: 20 }),
      (costs, leads) => {
        const list = costs.map((c, i) => ({ id: `k${i}`, cost: new Decimal(c).div(100), startDate: '2025-02-01' }));
        const cac = customerAcquisitionCost({
          campaigns: list,
          leads: leads.map((l) => ({ campaignId: `k${l.campaign}`, convertedCustomerId: l.customer === null ? null : `c${l.customer}` })),
          period: q1,
        });
        const customers = new Set(leads.filter((l) => l.campaign < costs.length && l.customer !== null).map((l) => l.customer)).size;
        if (customers === 0) expect(cac).toBeNull();
        else
          expect(
            cac!
              .times(customers)
              .minus(sumMoney(list.map((k) => k.cost)))
              .abs()
              .lte(new Decimal('0.005').times(customers)),
          ).toBe(true);
      },
    ),
  );
});
