import { customerAcquisitionCost } from '@tandem/domain';
import { ConvertLeadDocument, CreateCampaignDocument, CreateLeadDocument, CustomerTimelineDocument, LeadDocument, LeadsDocument, UpdateLeadStatusDocument } from '@tandem/client';
import { Client } from 'pg';
import { createCrew, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * Leads and campaigns over the API: a lead names its campaign, moves by the
 * domain's table, converts once (customer, contact and maybe a deal in one
 * transaction, even when two clients convert at the same moment) and keeps
 * its campaign so acquisition cost can be computed; a rep sees its own leads.
 */
let gw: TestGateway;
let crew: Crew;
let db: Client;
let campaignId: string;
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  db = new Client({ connectionString: gw.databaseUrl });
  await db.connect();
  const c = await gw.gql(CreateCampaignDocument, { input: { name: 'Spring trade fair', channel: 'event', cost: '1500.00', startDate: '2026-03-01' } }, crew.manager);
  expect(c.createCampaign.userErrors).toEqual([]);
  campaignId = c.createCampaign.campaign!.id;
});
afterAll(async () => {
  await db?.end();
  await gw?.stop();
});

const count = async (table: string) => Number((await db.query(`select count(*) as n from ${table}`)).rows[0].n);
const createLead = async (token: string, input: Record<string, unknown>) => (await gw.gql(CreateLeadDocument, { input: input as never }, token)).createLead;

it('records campaigns with their cost; only a SALES_MANAGER or ADMIN may, and a negative cost is refused', async () => {
  const c = await gw.gql(CreateCampaignDocument, { input: { name: 'Search ads', channel: 'search', cost: '300.00' } }, crew.admin);
  expect(c.createCampaign.campaign).toMatchObject({ name: 'Search ads', channel: 'SEARCH', cost: '300.00' });
  const byRep = await gw.gql(CreateCampaignDocument, { input: { name: 'Mine', channel: 'x', cost: '1.00' } }, crew.rep1);
  expect(byRep.createCampaign).toEqual({ campaign: null, userErrors: [expect.objectContaining({ code: 'FORBIDDEN' })] });
  const negative = await gw.request(CreateCampaignDocument, { input: { name: 'Bad', channel: 'x', cost: '-1.00' } }, crew.manager);
  expect(negative.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
});

it('creates a lead owned by the rep, from a campaign; bad input and unknown campaigns write nothing', async () => {
  const before = await count('leads');
  const lead = await createLead(crew.rep1, { name: 'Ada Lovelace', company: 'Analytical Engines', email: 'ada@engines.example', source: 'fair', campaignId, ownerId: crew.ids.rep2 });
  expect(lead.userErrors).toEqual([]);
  expect(lead.lead).toMatchObject({ name: 'Ada Lovelace', company: 'Analytical Engines', status: 'NEW', source: 'fair', owner: { id: crew.ids.rep1 } });

  expect((await createLead(crew.rep1, { name: '' })).userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'name'] })]);
  expect((await createLead(crew.rep1, { name: 'X', email: 'not-an-email' })).userErrors).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: ['input', 'email'] })]);
  expect((await createLead(crew.rep1, { name: 'X', campaignId: '00000000-0000-4000-8000-000000000000' })).userErrors).toEqual([
    expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'campaignId'] }),
  ]);
  expect((await createLead(crew.finance, { name: 'X' })).userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  expect((await createLead(crew.manager, { name: 'Y', ownerId: crew.ids.finance })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'ownerId'] })]);
  expect(await count('leads')).toBe(before + 1);
});

it('moves a lead forward by the domain’s table; backwards, out of a final status or to CONVERTED by hand is INVALID_TRANSITION', async () => {
  const id = (await createLead(crew.rep1, { name: 'Grace Hopper', company: 'Compilers Inc' })).lead!.id;
  const move = async (status: string, token = crew.rep1) => (await gw.gql(UpdateLeadStatusDocument, { id, status: status as never }, token)).updateLeadStatus;
  expect((await move('CONTACTED')).lead).toEqual({ id, status: 'CONTACTED' });
  expect((await move('NEW')).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
  expect((await move('CONVERTED')).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['status'] })]);
  expect((await move('QUALIFIED', crew.rep2)).userErrors).toEqual([{ code: 'NOT_FOUND', field: ['id'], message: 'No such lead.' }]);
  expect((await move('DISQUALIFIED')).lead?.status).toBe('DISQUALIFIED');
  expect((await move('QUALIFIED')).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
  const conv = await gw.gql(ConvertLeadDocument, { id }, crew.rep1);
  expect(conv.convertLead.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);
});

it('converts a qualified lead into customer, contact and a QUALIFICATION deal in one step, once; the lead keeps its campaign', async () => {
  const id = (await createLead(crew.rep1, { name: 'Ada King Lovelace', company: 'Difference Ltd', email: 'ada@difference.example', campaignId })).lead!.id;
  await gw.gql(UpdateLeadStatusDocument, { id, status: 'QUALIFIED' as never }, crew.rep1);
  const before = { customers: await count('customers'), contacts: await count('contacts'), deals: await count('opportunities') };

  const conv = (await gw.gql(ConvertLeadDocument, { id, input: { opportunity: { amount: '25000.00' } } }, crew.rep1)).convertLead;
  expect(conv.userErrors).toEqual([]);
  expect(conv.lead).toEqual({ id, status: 'CONVERTED' });
  expect(conv.customer).toMatchObject({ name: 'Difference Ltd' });
  expect(conv.contact).toMatchObject({ fullName: 'Ada King Lovelace' });
  expect(conv.opportunity).toMatchObject({ name: 'Difference Ltd opportunity', stage: 'QUALIFICATION', amount: '25000.00' });

  const again = (await gw.gql(ConvertLeadDocument, { id }, crew.rep1)).convertLead;
  expect(again).toMatchObject({ customer: null, userErrors: [expect.objectContaining({ code: 'INVALID_TRANSITION' })] });
  expect({ customers: await count('customers'), contacts: await count('contacts'), deals: await count('opportunities') }).toEqual({
    customers: before.customers + 1,
    contacts: before.contacts + 1,
    deals: before.deals + 1,
  });

  const { rows } = await db.query('select campaign_id, converted_customer_id, converted_at from leads where id = $1', [id]);
  expect(rows[0]).toMatchObject({ campaign_id: campaignId, converted_customer_id: conv.customer!.id });
  // What conversion remembers is enough for the domain's acquisition cost: 1500.00 over the one customer it brought.
  const leads = (await db.query('select campaign_id as "campaignId", converted_customer_id as "convertedCustomerId" from leads where campaign_id = $1', [campaignId])).rows;
  const cac = customerAcquisitionCost({ campaigns: [{ id: campaignId, cost: '1500.00', startDate: '2026-03-01' }], leads, period: PERIOD });
  expect(cac?.toFixed(2)).toBe('1500.00');

  const timeline = await gw.gql(CustomerTimelineDocument, { id: conv.customer!.id, first: 10 }, crew.rep1);
  expect(timeline.customer!.timeline.edges.map((e) => e.node.kind).sort()).toEqual(['CUSTOMER_CREATED', 'LEAD_CONVERTED']);
  expect(timeline.customer!.timeline.edges.every((e) => e.node.actor?.id === crew.ids.rep1)).toBe(true);
});

it('converts once when many clients convert the same lead at the same moment', async () => {
  const id = (await createLead(crew.rep1, { name: 'Race Condition', company: 'Parallel Co' })).lead!.id;
  const before = await count('customers');
  const results = await Promise.all(Array.from({ length: 8 }, () => gw.gql(ConvertLeadDocument, { id }, crew.rep1)));
  const won = results.filter((r) => r.convertLead.customer);
  expect(won).toHaveLength(1);
  expect(results.filter((r) => r.convertLead.userErrors[0]?.code === 'INVALID_TRANSITION')).toHaveLength(7);
  expect(await count('customers')).toBe(before + 1);
});

it('shows a rep its own leads only, managers all, and refuses leads to finance, support and the warehouse', async () => {
  const mine = (await createLead(crew.rep1, { name: 'Only Mine' })).lead!.id;
  const theirs = (await createLead(crew.rep2, { name: 'Only Theirs' })).lead!.id;
  const ids = async (token: string) => (await gw.gql(LeadsDocument, { first: 100 }, token)).leads!.edges.map((e) => e.node.id);
  expect(await ids(crew.rep1)).toContain(mine);
  expect(await ids(crew.rep1)).not.toContain(theirs);
  expect(await ids(crew.manager)).toEqual(expect.arrayContaining([mine, theirs]));
  expect((await gw.gql(LeadDocument, { id: theirs }, crew.rep1)).lead).toBeNull();
  expect((await gw.gql(LeadDocument, { id: mine }, crew.rep1)).lead).toMatchObject({ id: mine, owner: { id: crew.ids.rep1 } });
  const total = (await gw.gql(LeadsDocument, { first: 1 }, crew.rep1)).leads!.totalCount;
  expect(total).toBe((await ids(crew.rep1)).length);
  const open = await gw.gql(LeadsDocument, { first: 100, status: ['NEW' as never] }, crew.manager);
  expect(open.leads!.edges.every((e) => e.node.status === 'NEW')).toBe(true);
  for (const token of [crew.finance, crew.support, crew.warehouse]) {
    const r = await gw.request(LeadsDocument, { first: 10 }, token);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(r.data?.leads).toBeNull();
  }
});
