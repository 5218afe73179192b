import {
  RecordPaymentDocument,
  KpisDocument,
  PurchaseOrdersDocument,
  TrialBalanceDocument,
  VerifyLedgerDocument,
  CustomerTimelineDocument,
  LeadsDocument,
  OpportunitiesDocument,
  PipelineDocument,
  QuoteDocument,
  QuotesDocument,
  TicketsDocument,
} from '@tandem/client';
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
  for (const who of ['manager', 'rep1', 'rep2', 'support', 'finance']) token[who] = await gw.login(`${who}@demo.tandem`, DEMO_PASSWORD);
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

it('has a back office with real figures: purchases received and open, bills, a closed month, a balanced and verified ledger', async () => {
  const orders = (await gw.gql(PurchaseOrdersDocument, { first: 10 }, token.finance)).purchaseOrders!.edges.map((e) => e.node.status);
  expect(new Set(orders)).toEqual(new Set(['RECEIVED', 'PARTIALLY_RECEIVED', 'OPEN']));
  const tb = (await gw.gql(TrialBalanceDocument, {}, token.finance)).trialBalance!;
  expect(tb.totalDebit).toBe(tb.totalCredit);
  for (const code of ['1000', '1100', '1200', '2000', '4000', '5000']) expect(tb.lines.find((l) => l.account.code === code)!.balance).not.toBe('0.00');
  expect((await gw.gql(VerifyLedgerDocument, {}, token.finance)).verifyLedger!.ok).toBe(true);
  const today = new Date().toISOString().slice(0, 10);
  const k = (await gw.gql(KpisDocument, { from: new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10), to: today }, token.finance)).kpis!;
  expect(Number(k.revenue)).toBeGreaterThan(0);
  expect(Number(k.pipelineWeighted)).toBeGreaterThan(0);
  // The closed month refuses what would post into it.
  const closed = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 0)).toISOString().slice(0, 10);
  const customerId = (await gw.gql(OpportunitiesDocument, { first: 1 }, token.manager)).opportunities!.edges[0].node.customer.id;
  const pay = await gw.gql(RecordPaymentDocument, { input: { customerId, amount: '1.00', receivedOn: closed } }, token.finance);
  expect(pay.recordPayment.userErrors).toEqual([expect.objectContaining({ code: 'PERIOD_CLOSED' })]);
});
