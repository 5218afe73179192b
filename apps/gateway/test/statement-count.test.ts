import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { CustomerDashboardDocument, Customer360Document, CreateOpportunityDocument, LogActivityDocument, OpenTicketDocument } from '@tandem/client';
import { createContact, createCrew, createCustomer, createProduct, orderToInvoice, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';
import { recordStatements } from './support/statements';

/**
 * The dashboard's headline query must cost a small constant number of SQL
 * statements whatever the page size: relations batch through DataLoaders and
 * credit figures come from grouped queries.
 */
let gw: TestGateway;
let crew: Crew;
const statements: string[] = [];

beforeAll(async () => {
  // No background work on the pool while statements are counted: no scan, no alert hub catch-up poll.
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  const p = await createProduct(gw, crew.manager, { sku: 'SC-1', unitPrice: '10.00', taxRate: '0.1', initialStock: 100000 });
  for (let i = 0; i < 55; i++) {
    const owner = i % 2 ? crew.rep1 : crew.rep2;
    const c = await createCustomer(gw, owner, { name: `Count Customer ${String(i).padStart(2, '0')}` }, { finance: crew.finance, limit: '100000.00' });
    await createContact(gw, owner, c.id, `First${i}`, `Last${i}`);
    await createContact(gw, owner, c.id, `Other${i}`, `Last${i}`);
    if (i % 5 === 0) await orderToInvoice(gw, crew, owner, c.id, [{ productId: p.id, quantity: 2 }]);
  }
  await recordStatements(gw, statements);
}, 180_000);
afterAll(() => gw?.stop());

/** Statements sent since the last reset: a batch of reads (db/read-batch.ts) is one round trip holding several. */
const statementCount = () => statements.reduce((n, sql) => n + sql.split('\n;\n').length, 0);

async function countFor(first: number): Promise<{ statements: number; roundTrips: number }> {
  statements.length = 0;
  const r = await gw.gql(CustomerDashboardDocument, { first }, crew.manager);
  expect(r.customers!.edges).toHaveLength(first);
  expect(r.customers!.totalCount).toBe(55);
  const withOrders = r.customers!.edges.filter((e) => (e.node.orders?.edges.length ?? 0) > 0);
  expect(withOrders.length).toBeGreaterThan(0);
  expect(r.customers!.edges.every((e) => e.node.contacts.length === 2 && e.node.credit.status)).toBe(true);
  return { statements: statementCount(), roundTrips: statements.length };
}

it('CustomerDashboard runs the same small number of statements for 10 and for 50 customers', async () => {
  const ten = await countFor(10);
  const fifty = await countFor(50);
  if (process.env.PRINT_STATEMENTS) process.stdout.write(`CustomerDashboard statements (round trips): first=10 -> ${JSON.stringify(ten)}, first=50 -> ${JSON.stringify(fifty)}\n`);
  expect(fifty).toEqual(ten);
  expect(fifty.statements).toBeLessThanOrEqual(12);
  // The page, then every relation and the count together.
  expect(fifty.roundTrips).toBe(2);
});

it('Customer360 joins front and back office in a bounded number of statements', async () => {
  const list = await gw.gql(CustomerDashboardDocument, { first: 1 }, crew.manager);
  statements.length = 0;
  const r = await gw.gql(Customer360Document, { id: list.customers!.edges[0].node.id }, crew.manager);
  expect(r.customer?.credit.status).toBeDefined();
  expect(statementCount()).toBeLessThanOrEqual(16);
});

/** Customer360 with every CRM field and the timeline's first page, as the web client's customer screen reads it. */
const Customer360WithTimeline = parse(`query($id: ID!) {
  customer(id: $id) {
    id name owner { id name } contacts { id fullName }
    credit { limit exposure available status onHold }
    orders(first: 10) { totalCount edges { node { id number status total lines { id product { sku } quantity lineTotal } } } }
    invoices(first: 10, status: [OPEN, PARTIALLY_PAID]) { totalCount edges { node { id number balanceDue overdue } } }
    openTickets { id subject priority status slaDueAt breached }
    opportunities(first: 5) { edges { node { id name stage amount probability owner { id name } } } }
    activities(first: 10) { edges { node { id kind subject occurredAt contact { fullName } } } }
    timeline(first: 20) { edges { node { kind occurredAt summary actor { id name } } } pageInfo { hasNextPage endCursor } }
    lifetimeValue
  }
}`) as TypedDocumentNode<{ customer: { timeline: { edges: unknown[] }; activities: { edges: unknown[] } } | null }, { id: string }>;

it('Customer360 with its CRM fields and the first timeline page costs the same statements for a quiet customer and a busy one', async () => {
  const p = await createProduct(gw, crew.manager, { sku: 'SC-360', unitPrice: '5.00', taxRate: '0', initialStock: 1000 });
  // Both have something in every list (an empty list skips its children's loaders); one has many times more.
  const fill = async (name: string, n: { orders: number; activities: number; deals: number; tickets: number }) => {
    const c = await createCustomer(gw, crew.rep1, { name }, { finance: crew.finance, limit: '100000.00' });
    const contact = await createContact(gw, crew.rep1, c.id, 'Bea', name.split(' ')[0]);
    for (let i = 0; i < n.orders; i++) await orderToInvoice(gw, crew, crew.rep1, c.id, [{ productId: p.id, quantity: 1 + i }]);
    for (let i = 0; i < n.activities; i++) {
      await gw.gql(LogActivityDocument, { input: { customerId: c.id, contactId: contact.id, kind: 'CALL' as never, subject: `Call ${i}` } }, crew.rep1);
    }
    for (let i = 0; i < n.deals; i++) await gw.gql(CreateOpportunityDocument, { input: { customerId: c.id, name: `Deal ${i}`, amount: '100.00' } }, crew.rep1);
    for (let i = 0; i < n.tickets; i++) await gw.gql(OpenTicketDocument, { input: { customerId: c.id, subject: `Ticket ${i}`, priority: 'NORMAL' as never } }, crew.support);
    return c;
  };
  const quiet = await fill('Quiet 360', { orders: 1, activities: 1, deals: 1, tickets: 1 });
  const busy = await fill('Busy 360', { orders: 4, activities: 14, deals: 6, tickets: 5 });

  const countFor360 = async (id: string) => {
    statements.length = 0;
    const r = await gw.gql(Customer360WithTimeline, { id }, crew.manager);
    expect(r.customer).not.toBeNull();
    return { statements: statementCount(), roundTrips: statements.length, timeline: r.customer!.timeline.edges.length };
  };
  const q = await countFor360(quiet.id);
  const b = await countFor360(busy.id);
  if (process.env.PRINT_STATEMENTS) process.stdout.write(`Customer360 + timeline statements (round trips): quiet ${JSON.stringify(q)}, busy ${JSON.stringify(b)}\n`);
  expect(b.timeline).toBe(20);
  expect(q.timeline).toBeLessThan(20);
  expect({ statements: b.statements, roundTrips: b.roundTrips }).toEqual({ statements: q.statements, roundTrips: q.roundTrips });
  expect(b.statements).toBeLessThanOrEqual(18);
  expect(b.roundTrips).toBeLessThan(b.statements);
});
