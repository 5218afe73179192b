import { formatMoney } from '../money';
import { kpiReport } from './kpi-report';

const q1 = { from: '2025-01-01', to: '2025-03-31' };
const base = {
  period: q1,
  invoices: [
    { issueDate: '2025-01-15', subtotal: '600.00' },
    { issueDate: '2025-02-15', subtotal: '300.00' },
    { issueDate: '2024-12-15', subtotal: '1000.00' },
  ],
  receivablesAtEnd: '300.00',
  paidByCustomer: ['100.00', '200.00'],
  campaigns: [{ id: 'web', cost: '1000.00', startDate: '2025-01-10' }],
  leads: [
    { campaignId: 'web', convertedCustomerId: 'c1' },
    { campaignId: 'web', convertedCustomerId: 'c2' },
  ],
  opportunities: [
    { stage: 'PROPOSAL' as const, amount: '1000.00', closedOn: null },
    { stage: 'WON' as const, amount: '500.00', closedOn: '2025-02-01' },
    { stage: 'WON' as const, amount: '500.00', closedOn: '2024-11-01' },
    { stage: 'LOST' as const, amount: '700.00', closedOn: '2025-03-31' },
    { stage: 'LOST' as const, amount: '700.00', closedOn: '2025-03-02' },
    { stage: 'LOST' as const, amount: '700.00', closedOn: null },
  ],
};

it('reports every KPI of the period', () => {
  const r = kpiReport(base);
  expect({
    revenue: formatMoney(r.revenue),
    daysSalesOutstanding: r.daysSalesOutstanding?.toString(),
    averageCustomerLifetimeValue: formatMoney(r.averageCustomerLifetimeValue!),
    customerAcquisitionCost: formatMoney(r.customerAcquisitionCost!),
    pipelineWeighted: formatMoney(r.pipelineWeighted),
    winRate: r.winRate?.toString(),
  }).toEqual({ revenue: '900.00', daysSalesOutstanding: '30', averageCustomerLifetimeValue: '150.00', customerAcquisitionCost: '500.00', pipelineWeighted: '500.00', winRate: '0.3333' });
});

it('reports nulls where a KPI has nothing to divide by', () => {
  const r = kpiReport({ ...base, invoices: [], paidByCustomer: [], leads: [], opportunities: [] });
  expect([formatMoney(r.revenue), r.daysSalesOutstanding, r.averageCustomerLifetimeValue, r.customerAcquisitionCost, formatMoney(r.pipelineWeighted), r.winRate]).toEqual([
    '0.00',
    null,
    null,
    null,
    '0.00',
    null,
  ]);
});
