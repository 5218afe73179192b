import { print } from 'graphql';
import { Client } from 'pg';
import {
  AcknowledgeAlertDocument,
  AuditLogDocument,
  AlertsDocument,
  AlertStreamDocument,
  ConfirmOrderDocument,
  InvoiceOrderDocument,
  PlaceCreditHoldDocument,
  ShipOrderDocument,
  type AlertStreamSubscription,
} from '@tandem/client';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * Live alerts over graphql-ws: written with the change, fanned out through
 * PostgreSQL LISTEN/NOTIFY to every instance, resumable with `after`, and
 * delivered only to viewers who may read what they name.
 */
let a: TestGateway;
let b: TestGateway;
let crew: Crew;

beforeAll(async () => {
  a = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  b = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' }, a.databaseUrl);
  crew = await createCrew(a);
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

type Event = AlertStreamSubscription['alertRaised'];

/** How many alert subscribers each instance should have: `ready` waits until the server has registered them. */
const expected = new Map<TestGateway, number>();
async function until(check: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Subscribes over graphql-ws and collects events; `next(n)` waits until n have arrived. */
function subscribe(gw: TestGateway, token: string, variables: { kinds?: string[]; after?: string } = {}) {
  const events: Event[] = [];
  const errors: unknown[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const client = gw.ws(token);
  const hub = gw.app.services.alertHub;
  expected.set(gw, (expected.get(gw) ?? 0) + 1);
  const dispose = client.subscribe<AlertStreamSubscription>(
    { query: print(AlertStreamDocument), variables },
    {
      next: (r) => {
        if (r.errors) errors.push(r.errors);
        if (r.data) events.push(r.data.alertRaised);
        for (const w of waiters.filter((w) => events.length >= w.n)) w.resolve();
      },
      error: (e) => errors.push(e),
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    // Resolves once the server holds every subscriber opened so far on this instance.
    ready: until(() => hub.subscriberCount() >= expected.get(gw)!, 'the server to register the subscription'),
    async dispose() {
      dispose();
      await client.dispose();
      expected.set(gw, expected.get(gw)! - 1);
      await until(() => hub.subscriberCount() <= expected.get(gw)!, 'the server to drop the subscription');
    },
    async next(n: number, timeoutMs = 10_000): Promise<Event[]> {
      if (events.length < n) {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(() => reject(new Error(`waited for ${n} alerts, got ${events.length}: ${JSON.stringify(events)} ${JSON.stringify(errors)}`)), timeoutMs);
          waiters.push({ n, resolve: () => (clearTimeout(t), resolve()) });
        });
      }
      return events.slice(0, n);
    },
  };
}

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

async function hold(gw: TestGateway, customerId: string, reason = 'Checking references') {
  const r = await gw.gql(PlaceCreditHoldDocument, { customerId, reason }, crew.finance);
  expect(r.placeCreditHold.userErrors).toEqual([]);
}

it('delivers an alert caused through instance A to a subscriber of instance B', async () => {
  const sub = subscribe(b, crew.manager, { kinds: ['CREDIT_HOLD'] });
  await sub.ready;
  await settle();
  const c = await createCustomer(a, crew.rep1, { name: 'Across Instances' });
  await hold(a, c.id, 'Bounced cheque');
  const [event] = await sub.next(1);
  expect(event).toMatchObject({ kind: 'CREDIT_HOLD', severity: 'CRITICAL', customer: { id: c.id, name: 'Across Instances' } });
  expect(event.message).toContain('Bounced cheque');
  await sub.dispose();
});

it("never delivers another rep's customer's alerts to a rep, nor stock alerts to support", async () => {
  const rep1 = subscribe(a, crew.rep1);
  const rep2 = subscribe(b, crew.rep2);
  const support = subscribe(a, crew.support);
  const warehouse = subscribe(b, crew.warehouse);
  await Promise.all([rep1.ready, rep2.ready, support.ready, warehouse.ready]);
  await settle();
  const mine = await createCustomer(a, crew.rep1, { name: 'Rep One Co' });
  const theirs = await createCustomer(a, crew.rep2, { name: 'Rep Two Co' });
  await hold(a, theirs.id);
  await hold(b, mine.id);
  // LOW_STOCK: reserving takes available below the reorder point.
  const p = await createProduct(a, crew.manager, { sku: 'ALERT-LOW', unitPrice: '1.00', taxRate: '0', initialStock: 10, reorderPoint: 5 });
  const order = await createOrder(a, crew.rep1, mine.id, [{ productId: p.id, quantity: 1 }]);
  await a.gql(PlaceCreditHoldDocument, { customerId: mine.id, reason: 'x' }, crew.finance); // already on hold: refused, no alert
  const other = await createCustomer(a, crew.rep1, { name: 'Rep One Stock' });
  const big = await createOrder(a, crew.rep1, other.id, [{ productId: p.id, quantity: 6 }]);
  expect((await a.gql(ConfirmOrderDocument, { id: big.id }, crew.rep1)).confirmOrder.userErrors).toEqual([]);
  void order;

  const [r1a, r1b] = await rep1.next(2);
  expect([r1a.kind, r1b.kind]).toEqual(['CREDIT_HOLD', 'LOW_STOCK']);
  expect(r1a.customer?.id).toBe(mine.id);
  expect(r1b.product?.sku).toBe('ALERT-LOW');
  const [r2] = await rep2.next(1);
  expect(r2.customer?.id).toBe(theirs.id);
  const [w] = await warehouse.next(1);
  expect(w).toMatchObject({ kind: 'LOW_STOCK', customer: null, product: { sku: 'ALERT-LOW' } });
  await settle(500);
  expect(rep1.events).toHaveLength(2);
  expect(rep2.events).toHaveLength(1);
  expect(warehouse.events).toHaveLength(1);
  expect(support.events).toHaveLength(0);
  await Promise.all([rep1.dispose(), rep2.dispose(), support.dispose(), warehouse.dispose()]);
});

it('resumes a dropped stream with `after`: exactly the three missed alerts, then live ones', async () => {
  const first = subscribe(a, crew.finance, { kinds: ['CREDIT_HOLD'] });
  await first.ready;
  await settle();
  const c0 = await createCustomer(a, crew.rep1, { name: 'Resume 0' });
  await hold(a, c0.id);
  const [seen] = await first.next(1);
  await first.dispose();

  const missed = [];
  for (let i = 1; i <= 3; i++) {
    const c = await createCustomer(a, crew.rep1, { name: `Resume ${i}` });
    await hold(i % 2 ? a : b, c.id);
    missed.push(c.id);
  }
  const resumed = subscribe(b, crew.finance, { kinds: ['CREDIT_HOLD'], after: seen.id });
  const replay = await resumed.next(3);
  expect(replay.map((e) => e.customer?.id)).toEqual(missed);
  const ids = replay.map((e) => BigInt(e.id));
  expect(ids.every((id, i) => id > BigInt(seen.id) && (i === 0 || id > ids[i - 1]))).toBe(true);

  const live = await createCustomer(a, crew.rep1, { name: 'Resume live' });
  await hold(a, live.id);
  const all = await resumed.next(4);
  expect(all[3].customer?.id).toBe(live.id);
  await settle(500);
  expect(resumed.events).toHaveLength(4);
  await resumed.dispose();
});

it('raises exactly one INVOICE_OVERDUE per overdue invoice with two instances scanning', async () => {
  const p = await createProduct(a, crew.manager, { sku: 'OVERDUE-1', unitPrice: '50.00', taxRate: '0', initialStock: 10 });
  const c = await createCustomer(a, crew.rep2, { name: 'Late Payer', paymentTermsDays: 10 });
  const issue = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
  const o = await createOrder(a, crew.rep2, c.id, [{ productId: p.id, quantity: 1 }], issue);
  await a.gql(ConfirmOrderDocument, { id: o.id }, crew.rep2);
  await a.gql(ShipOrderDocument, { id: o.id }, crew.warehouse);
  const invoice = (await a.gql(InvoiceOrderDocument, { orderId: o.id, issueDate: issue }, crew.finance)).invoiceOrder.invoice!;
  expect(invoice.overdue).toBe(true);

  const sub = subscribe(a, crew.rep2, { kinds: ['INVOICE_OVERDUE'] });
  await sub.ready;
  await settle();
  const results = await Promise.all([a.app.scanner.scan(), b.app.scanner.scan(), a.app.scanner.scan(), b.app.scanner.scan()]);
  await Promise.all([a.app.scanner.scan(), b.app.scanner.scan()]);
  expect(results.reduce((s, n) => s + n, 0)).toBeGreaterThanOrEqual(1);
  const [event] = await sub.next(1);
  expect(event).toMatchObject({ kind: 'INVOICE_OVERDUE', invoice: { id: invoice.id, number: invoice.number }, customer: { id: c.id } });
  await settle(500);
  expect(sub.events).toHaveLength(1);
  const listed = await a.gql(AlertsDocument, { first: 100 }, crew.finance);
  expect(listed.alerts.edges.filter((e) => e.node.kind === 'INVOICE_OVERDUE' && e.node.customer?.id === c.id)).toHaveLength(1);
  await sub.dispose();
});

it('writes no alert for a change that rolled back', async () => {
  const p = await createProduct(a, crew.manager, { sku: 'ROLLBACK-1', unitPrice: '90.00', taxRate: '0', initialStock: 0 });
  const c = await createCustomer(a, crew.rep1, { name: 'Rolled Back' }, { finance: crew.finance, limit: '100.00' });
  const sub = subscribe(a, crew.finance, { kinds: ['CREDIT_WARNING'] });
  await sub.ready;
  await settle();
  const o = await createOrder(a, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }]);
  // Credit would move to WARNING (90 of 100), but there is no stock: the whole confirmation rolls back.
  expect((await a.gql(ConfirmOrderDocument, { id: o.id }, crew.rep1)).confirmOrder.userErrors[0].code).toBe('INSUFFICIENT_STOCK');
  await settle(800);
  expect(sub.events).toHaveLength(0);
  await sub.dispose();
});

it('lists and acknowledges only alerts the viewer may see', async () => {
  const c = await createCustomer(a, crew.rep2, { name: 'Ack Co' });
  await hold(a, c.id);
  const financeView = await a.gql(AlertsDocument, { first: 100, unacknowledged: true }, crew.finance);
  const alert = financeView.alerts.edges.find((e) => e.node.customer?.id === c.id)!.node;
  expect(alert.acknowledgedAt).toBeNull();
  const repView = await a.gql(AlertsDocument, { first: 100 }, crew.rep1);
  expect(repView.alerts.edges.some((e) => e.node.id === alert.id)).toBe(false);
  const refused = await a.gql(AcknowledgeAlertDocument, { id: alert.id }, crew.rep1);
  expect(refused.acknowledgeAlert.userErrors[0].code).toBe('NOT_FOUND');
  const ack = await a.gql(AcknowledgeAlertDocument, { id: alert.id }, crew.rep2);
  expect(ack.acknowledgeAlert.alert?.acknowledgedAt).toBeTruthy();
  const after = await a.gql(AlertsDocument, { first: 100, unacknowledged: true }, crew.finance);
  expect(after.alerts.edges.some((e) => e.node.id === alert.id)).toBe(false);
  // Acknowledging is audited once; acknowledging again changes nothing and states nothing.
  await a.gql(AcknowledgeAlertDocument, { id: alert.id }, crew.finance);
  const audit = await a.gql(AuditLogDocument, { first: 10, entityType: 'Alert', entityId: alert.id }, crew.finance);
  expect(audit.auditLog!.edges.map((e) => [e.node.action, e.node.actor?.id])).toEqual([['AlertAcknowledged', crew.ids.rep2]]);
});

it('keeps delivering after the database drops the listening connection', async () => {
  const sub = subscribe(b, crew.finance, { kinds: ['CREDIT_HOLD'] });
  await sub.ready;
  await settle();
  const admin = new Client({ connectionString: a.databaseUrl });
  await admin.connect();
  const { rowCount } = await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tandem-alert-listener' and datname = current_database()`);
  await admin.end();
  expect(rowCount).toBe(2);
  const c = await createCustomer(a, crew.rep1, { name: 'After Drop' });
  await hold(a, c.id);
  const [event] = await sub.next(1, 15_000);
  expect(event.customer?.id).toBe(c.id);
  await sub.dispose();
});

it('raises CREDIT_LIMIT_EXCEEDED for a refused confirmation, though the confirmation itself rolled back', async () => {
  const p = await createProduct(a, crew.manager, { sku: 'CLE-1', unitPrice: '80.00', taxRate: '0', initialStock: 10 });
  const c = await createCustomer(a, crew.rep2, { name: 'Over Limit Co' }, { finance: crew.finance, limit: '100.00' });
  const rep2 = subscribe(b, crew.rep2, { kinds: ['CREDIT_LIMIT_EXCEEDED'] });
  const rep1 = subscribe(b, crew.rep1, { kinds: ['CREDIT_LIMIT_EXCEEDED'] });
  await Promise.all([rep2.ready, rep1.ready]);
  await settle();
  const o = await createOrder(a, crew.rep2, c.id, [{ productId: p.id, quantity: 2 }]);
  expect((await a.gql(ConfirmOrderDocument, { id: o.id }, crew.rep2)).confirmOrder.userErrors[0].code).toBe('CREDIT_LIMIT_EXCEEDED');
  const [event] = await rep2.next(1);
  expect(event).toMatchObject({ kind: 'CREDIT_LIMIT_EXCEEDED', customer: { id: c.id }, order: { id: o.id, number: o.number } });
  expect(event.message).toContain('160.00');
  await settle(500);
  expect(rep1.events).toHaveLength(0);
  await Promise.all([rep2.dispose(), rep1.dispose()]);
});

it('raises SLA_BREACH once for a ticket past its SLA, for support and the owning rep only', async () => {
  const c = await createCustomer(a, crew.rep1, { name: 'Ticket Co' });
  const support = subscribe(a, crew.support, { kinds: ['SLA_BREACH'] });
  const rep1 = subscribe(b, crew.rep1, { kinds: ['SLA_BREACH'] });
  const rep2 = subscribe(b, crew.rep2, { kinds: ['SLA_BREACH'] });
  await Promise.all([support.ready, rep1.ready, rep2.ready]);
  await settle();
  // Tickets have no write mutation yet (they come with the CRM operations): the row is made directly.
  const db = new Client({ connectionString: a.databaseUrl });
  await db.connect();
  await db.query(
    `insert into tickets (id, customer_id, subject, priority, status, sla_due_at, created_at)
     values (gen_random_uuid(), $1, 'Printer on fire', 'URGENT', 'OPEN', now() - interval '1 hour', now() - interval '5 hours')`,
    [c.id],
  );
  await db.end();
  await Promise.all([a.app.scanner.scan(), b.app.scanner.scan()]);
  await a.app.scanner.scan();
  const [s] = await support.next(1);
  const [r] = await rep1.next(1);
  expect(s).toMatchObject({ kind: 'SLA_BREACH', severity: 'CRITICAL', customer: { id: c.id } });
  expect(r.id).toBe(s.id);
  await settle(500);
  expect([support.events.length, rep1.events.length, rep2.events.length]).toEqual([1, 1, 0]);
  await Promise.all([support.dispose(), rep1.dispose(), rep2.dispose()]);
});
