import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { ConvertLeadDocument, CreateCampaignDocument, CreateLeadDocument, CreateOpportunityDocument, MoveOpportunityDocument, RecordPaymentDocument } from '@tandem/client';
import { daysInPeriod, money } from '@tandem/domain';
import { createCrew, createCustomer, createProduct, orderToInvoice, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * KPIs and commissions over the API, with the domain's definitions, on a small
 * book whose every figure is worked out by hand below.
 */
const doc = <R>(source: string) => parse(source) as TypedDocumentNode<R, Record<string, unknown>>;
type Kpis = {
  revenue: string;
  daysSalesOutstanding: string | null;
  averageCustomerLifetimeValue: string | null;
  customerAcquisitionCost: string | null;
  pipelineWeighted: string;
  winRate: string | null;
};
const KpisQuery = doc<{ kpis: Kpis | null }>(
  `query($from: Date!, $to: Date!) { kpis(from: $from, to: $to) { revenue daysSalesOutstanding averageCustomerLifetimeValue customerAcquisitionCost pipelineWeighted winRate } }`,
);
type Commission = { rep: { id: string; name: string } | null; paidRevenue: string; rate: string; amount: string };
const CommissionsQuery = doc<{ commissions: Commission[] | null }>(`query($from: Date!, $to: Date!) { commissions(from: $from, to: $to) { rep { id name } paidRevenue rate amount } }`);
const UpdateUser = doc<{ updateUser: { userErrors: { code: string; field: string[] | null }[] } }>(
  `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { userErrors { code field } } }`,
);

let gw: TestGateway;
let crew: Crew;
const today = new Date().toISOString().slice(0, 10);
const from = `${today.slice(0, 8)}01`;

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  const p = await createProduct(gw, crew.manager, { sku: 'KPI-1', unitPrice: '100.00', taxRate: '0.2', initialStock: 100 });
  const a = await createCustomer(gw, crew.rep1, { name: 'KPI A' });
  const b = await createCustomer(gw, crew.rep2, { name: 'KPI B' });
  await orderToInvoice(gw, crew, crew.rep1, a.id, [{ productId: p.id, quantity: 2 }]); // 200.00 + 40.00 tax
  await orderToInvoice(gw, crew, crew.rep2, b.id, [{ productId: p.id, quantity: 1 }]); // 100.00 + 20.00 tax
  for (const [customerId, amount] of [
    [a.id, '240.00'],
    [b.id, '60.00'],
  ]) {
    expect((await gw.gql(RecordPaymentDocument, { input: { customerId, amount } }, crew.finance)).recordPayment.userErrors).toEqual([]);
  }
  expect((await gw.gql(UpdateUser, { id: crew.ids.rep1, input: { commissionRate: '0.1' } }, crew.admin)).updateUser.userErrors).toEqual([]);

  const campaign = (await gw.gql(CreateCampaignDocument, { input: { name: 'KPI fair', channel: 'EVENT', cost: '500.00', startDate: from } }, crew.manager)).createCampaign.campaign!;
  const lead = (await gw.gql(CreateLeadDocument, { input: { name: 'Kay Pi', company: 'KPI C', campaignId: campaign.id } }, crew.rep1)).createLead.lead!;
  expect((await gw.gql(ConvertLeadDocument, { id: lead.id }, crew.rep1)).convertLead.userErrors).toEqual([]);
  const deal = async (amount: string, stage: string) =>
    (await gw.gql(CreateOpportunityDocument, { input: { customerId: a.id, name: `Deal ${amount}`, amount, stage: stage as never } }, crew.rep1)).createOpportunity.opportunity!.id;
  await deal('1000.00', 'PROPOSAL'); // weighted 500.00
  const won = await deal('300.00', 'NEGOTIATION');
  const lost = await deal('700.00', 'NEGOTIATION');
  await gw.gql(MoveOpportunityDocument, { id: won, stage: 'WON' as never }, crew.rep1);
  await gw.gql(MoveOpportunityDocument, { id: lost, stage: 'LOST' as never, lostReason: 'price' }, crew.rep1);
}, 60_000);
afterAll(() => gw?.stop());

it('reports the period’s KPIs by the domain’s definitions', async () => {
  const k = (await gw.gql(KpisQuery, { from, to: today }, crew.manager)).kpis!;
  // Receivables at the end: 240 − 240 + 120 − 60 = 60.00 (the ledger's account 1100 on that date).
  const dso = money('60.00')
    .div('300.00')
    .times(daysInPeriod({ from, to: today }))
    .toFixed(1);
  expect(k).toEqual({
    revenue: '300.00',
    daysSalesOutstanding: dso,
    averageCustomerLifetimeValue: '150.00', // (240 + 60) ÷ 2 invoiced customers
    customerAcquisitionCost: '500.00', // one campaign, one customer converted from its lead
    pipelineWeighted: '500.00', // 1000 × 50 %; the won and lost deals are closed
    winRate: '0.5000',
  });
  expect((await gw.gql(KpisQuery, { from, to: today }, crew.finance)).kpis).toEqual(k);
});

it('pays each rep its rate on its customers’ invoices fully paid in the period', async () => {
  const c = (await gw.gql(CommissionsQuery, { from, to: today }, crew.finance)).commissions!;
  const of = (id: string) => c.find((x) => x.rep?.id === id);
  expect(of(crew.ids.rep1)).toMatchObject({ paidRevenue: '200.00', rate: '0.1000', amount: '20.00' });
  expect(of(crew.ids.rep2)).toMatchObject({ paidRevenue: '0.00', rate: '0.0500', amount: '0.00' }); // half paid is not paid
  const lastYear = String(Number(today.slice(0, 4)) - 1);
  const before = (await gw.gql(CommissionsQuery, { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` }, crew.finance)).commissions!;
  expect(before.every((x) => x.paidRevenue === '0.00')).toBe(true);
});

it('refuses bad periods and rates, and keeps KPIs and commissions to their roles', async () => {
  expect((await gw.request(KpisQuery, { from: today, to: '2000-01-01' }, crew.manager)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const bad = await gw.gql(UpdateUser, { id: crew.ids.rep1, input: { commissionRate: '1.5' } }, crew.admin);
  expect(bad.updateUser.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'commissionRate'] }]);
  for (const token of [crew.rep1, crew.warehouse, crew.support]) {
    expect((await gw.request(KpisQuery, { from, to: today }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }
  for (const token of [crew.manager, crew.rep1, crew.warehouse, crew.support]) {
    expect((await gw.request(CommissionsQuery, { from, to: today }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }
});
