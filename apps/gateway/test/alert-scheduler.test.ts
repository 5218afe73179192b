import { Client } from 'pg';
import { AlertsDocument, ConfirmOrderDocument, InvoiceOrderDocument, ShipOrderDocument } from '@tandem/client';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';
import { until } from './support/until';

/**
 * The scheduler, not a manual call: two instances with a short scan interval
 * share one scheduled `alert-scan` job, and an overdue invoice raises exactly
 * one INVOICE_OVERDUE however many scans both run.
 */
let a: TestGateway;
let b: TestGateway;
let crew: Crew;
beforeAll(async () => {
  a = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '300' });
  b = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '300' }, a.databaseUrl);
  crew = await createCrew(a);
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

it('raises one INVOICE_OVERDUE per invoice from the scheduled scan with two instances running', async () => {
  const p = await createProduct(a, crew.manager, { sku: 'SCHED-1', unitPrice: '10.00', taxRate: '0', initialStock: 5 });
  const c = await createCustomer(a, crew.rep1, { name: 'Scheduled Late', paymentTermsDays: 5 });
  const issue = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
  const o = await createOrder(a, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }], issue);
  await a.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1);
  await a.gql(ShipOrderDocument, { id: o.id }, crew.warehouse);
  expect((await b.gql(InvoiceOrderDocument, { orderId: o.id, issueDate: issue }, crew.finance)).invoiceOrder.invoice?.overdue).toBe(true);

  const overdueAlerts = async () => (await a.gql(AlertsDocument, { first: 100 }, crew.finance)).alerts.edges.filter((e) => e.node.kind === 'INVOICE_OVERDUE' && e.node.customer?.id === c.id);
  const deadline = Date.now() + 20_000;
  while ((await overdueAlerts()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  // Let both instances run several more scans.
  await new Promise((r) => setTimeout(r, 2000));
  expect(await overdueAlerts()).toHaveLength(1);

  const db = new Client({ connectionString: a.databaseUrl });
  await db.connect();
  try {
    // A running scan queues its successor before it ends, so for a moment there are two rows (one
    // locked); what must hold is that there is never more than one waiting to run, across instances.
    const waiting: number[] = [];
    await until(async () => {
      const { rows } = await db.query(`select count(*)::int as n from graphile_worker.jobs where task_identifier = 'alert-scan' and locked_at is null`);
      waiting.push(rows[0].n);
      return waiting.length >= 20 && rows[0].n === 1;
    }, 'one queued alert scan');
    expect(Math.max(...waiting)).toBe(1);
  } finally {
    await db.end();
  }
});
