import { AlertsDocument, ConfirmOrderDocument, InvoiceOrderDocument, PlaceCreditHoldDocument, ReleaseCreditHoldDocument, ShipOrderDocument } from '@tandem/client';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * One alert per cause: a credit hold raised by a write (an invoice dated so far
 * back that it is already more than 60 days late) and the same hold found by the
 * time-based scan are one event, so they raise one CREDIT_HOLD, not two.
 */
let gw: TestGateway;
let crew: Crew;

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
});
afterAll(async () => {
  await gw?.stop();
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

async function holdAlertsOf(customerId: string) {
  const listed = await gw.gql(AlertsDocument, { first: 100 }, crew.finance);
  return listed.alerts.edges.filter((e) => e.node.kind === 'CREDIT_HOLD' && e.node.customer?.id === customerId).map((e) => e.node);
}

/** Sells one unit and invoices it on `issueDate`. */
async function invoiceDated(sku: string, customerId: string, issueDate: string) {
  const p = await createProduct(gw, crew.manager, { sku, unitPrice: '40.00', taxRate: '0', initialStock: 5 });
  const o = await createOrder(gw, crew.rep1, customerId, [{ productId: p.id, quantity: 1 }], issueDate);
  expect((await gw.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1)).confirmOrder.userErrors).toEqual([]);
  expect((await gw.gql(ShipOrderDocument, { id: o.id }, crew.warehouse)).shipOrder.userErrors).toEqual([]);
  const i = await gw.gql(InvoiceOrderDocument, { orderId: o.id, issueDate }, crew.finance);
  expect(i.invoiceOrder.userErrors).toEqual([]);
  return i.invoiceOrder.invoice!;
}

it('raises one CREDIT_HOLD when a write and the scan both find the same 60-day-late invoice', async () => {
  const c = await createCustomer(gw, crew.rep1, { name: 'Twice Held', paymentTermsDays: 30 });
  await invoiceDated('CAUSE-1', c.id, daysAgo(100)); // due 70 days ago: ON_HOLD the moment it is issued
  expect(await holdAlertsOf(c.id)).toHaveLength(1);
  await gw.app.scanner.scan();
  await gw.app.scanner.scan();
  const alerts = await holdAlertsOf(c.id);
  expect(alerts).toHaveLength(1);
  expect(alerts[0].message).toContain('60 days');
});

it('raises the scan hold once, and nothing more while a hand-placed hold already holds the customer', async () => {
  const late = await createCustomer(gw, crew.rep1, { name: 'Scan Held', paymentTermsDays: 30 });
  await invoiceDated('CAUSE-2', late.id, daysAgo(80)); // due 50 days ago: WARNING today
  expect(await holdAlertsOf(late.id)).toHaveLength(0);
  // 11 days on, the invoice is 61 days late: the scan puts the customer ON_HOLD, once.
  const later = new Date(Date.now() + 11 * 86_400_000);
  await gw.app.scanner.scan(later);
  await gw.app.scanner.scan(later);
  expect(await holdAlertsOf(late.id)).toHaveLength(1);

  const held = await createCustomer(gw, crew.rep1, { name: 'Hand Held', paymentTermsDays: 30 });
  await invoiceDated('CAUSE-3', held.id, daysAgo(80));
  expect((await gw.gql(PlaceCreditHoldDocument, { customerId: held.id, reason: 'disputed' }, crew.finance)).placeCreditHold.userErrors).toEqual([]);
  await gw.app.scanner.scan(later);
  const alerts = await holdAlertsOf(held.id);
  expect(alerts).toHaveLength(1);
  expect(alerts[0].message).toContain('disputed');
  // Released by hand, it is still more than 60 days late at `later`, but today it is not: no new hold today.
  expect((await gw.gql(ReleaseCreditHoldDocument, { customerId: held.id }, crew.finance)).releaseCreditHold.userErrors).toEqual([]);
  expect(await holdAlertsOf(held.id)).toHaveLength(1);
});
