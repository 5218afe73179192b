import { CustomerTimelineDocument, LeadsDocument, OpportunitiesDocument, PipelineDocument, QuoteDocument, QuotesDocument, TicketsDocument } from '@tandem/client';
import { DEMO_PASSWORD } from '../src/seed/demo-seed';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * The demo company has a front office worth showing, written through the
 * services: leads in every state for both reps, a pipeline in every stage for
 * both, quotes waiting for approval and over credit, a breached ticket, and
 * timelines that tell what happened.
 */
let gw: TestGateway;
const token: Record<string, string> = {};

beforeAll(async () => {
  gw = await startTestGateway({ SEED_DEMO: '1', ALERT_SCAN_INTERVAL_MS: '3600000' });
  for (const who of ['manager', 'rep1', 'rep2', 'support']) token[who] = await gw.login(`${who}@demo.tandem`, DEMO_PASSWORD);
});
afterAll(() => gw?.stop());

it('has leads in every state for both reps', async () => {
  for (const rep of ['rep1', 'rep2']) {
    const leads = (await gw.gql(LeadsDocument, { first: 100 }, token[rep])).leads!.edges.map((e) => e.node);
    expect(new Set(leads.map((l) => l.status))).toEqual(new Set(['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'DISQUALIFIED']));
    expect(leads.some((l) => l.campaign)).toBe(true);
  }
});

it('has a pipeline in every stage for both reps', async () => {
  for (const rep of ['rep1', 'rep2']) {
    const deals = (await gw.gql(OpportunitiesDocument, { first: 100 }, token[rep])).opportunities!.edges.map((e) => e.node.stage);
    expect(new Set(deals)).toEqual(new Set(['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST']));
    const pipeline = (await gw.gql(PipelineDocument, {}, token[rep])).pipeline!;
    expect(Number(pipeline.totalWeighted)).toBeGreaterThan(0);
    expect(pipeline.winRate).not.toBeNull();
  }
});

it('has a quote waiting for approval and one that would fail the credit check today', async () => {
  const quotes = (await gw.gql(QuotesDocument, { first: 100 }, token.manager)).quotes!.edges.map((e) => e.node);
  expect(quotes.some((q) => q.status === 'PENDING_APPROVAL')).toBe(true);
  const checks = await Promise.all(quotes.map(async (q) => (await gw.gql(QuoteDocument, { id: q.id }, token.manager)).quote!.creditCheck));
  expect(checks.some((c) => c && !c.approved)).toBe(true);
});

it('has a breached ticket and timelines that tell what happened', async () => {
  const breached = (await gw.gql(TicketsDocument, { first: 10, breached: true }, token.support)).tickets!;
  expect(breached.totalCount).toBeGreaterThanOrEqual(1);
  const northwind = (await gw.gql(OpportunitiesDocument, { first: 100 }, token.rep1)).opportunities!.edges.find((e) => e.node.customer.name === 'Northwind Traders')!.node.customer.id;
  const kinds = new Set((await gw.gql(CustomerTimelineDocument, { id: northwind, first: 100 }, token.rep1)).customer!.timeline.edges.map((e) => e.node.kind));
  for (const kind of ['CUSTOMER_CREATED', 'ORDER_CONFIRMED', 'INVOICE_ISSUED', 'PAYMENT_RECEIVED', 'QUOTE_SENT', 'DEAL_WON', 'ACTIVITY', 'TICKET_OPENED']) expect(kinds).toContain(kind);
});
