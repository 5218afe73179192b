import { CustomerDashboardDocument, Customer360Document } from '@tandem/client';
import { createContact, createCrew, createCustomer, createProduct, orderToInvoice, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

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
  await gw.app.services.alertHub.stop();
  gw.app.orm.em
    .getConnection()
    .getKnex()
    .on('query', (q: { sql: string }) => statements.push(q.sql));
}, 180_000);
afterAll(() => gw?.stop());

async function countFor(first: number): Promise<number> {
  statements.length = 0;
  const r = await gw.gql(CustomerDashboardDocument, { first }, crew.manager);
  expect(r.customers!.edges).toHaveLength(first);
  expect(r.customers!.totalCount).toBe(55);
  const withOrders = r.customers!.edges.filter((e) => (e.node.orders?.edges.length ?? 0) > 0);
  expect(withOrders.length).toBeGreaterThan(0);
  expect(r.customers!.edges.every((e) => e.node.contacts.length === 2 && e.node.credit.status)).toBe(true);
  return statements.length;
}

it('CustomerDashboard runs the same small number of statements for 10 and for 50 customers', async () => {
  const ten = await countFor(10);
  const fifty = await countFor(50);
  if (process.env.PRINT_STATEMENTS) process.stdout.write(`CustomerDashboard statements: first=10 -> ${ten}, first=50 -> ${fifty}\n`);
  expect(fifty).toBe(ten);
  expect(fifty).toBeLessThanOrEqual(12);
});

it('Customer360 joins front and back office in a bounded number of statements', async () => {
  const list = await gw.gql(CustomerDashboardDocument, { first: 1 }, crew.manager);
  statements.length = 0;
  const r = await gw.gql(Customer360Document, { id: list.customers!.edges[0].node.id }, crew.manager);
  expect(r.customer?.credit.status).toBeDefined();
  expect(statements.length).toBeLessThanOrEqual(16);
});
