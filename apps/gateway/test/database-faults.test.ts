import { print } from 'graphql';
import {
  AlertsDocument,
  AlertStreamDocument,
  ConfirmOrderDocument,
  CreateOrderDocument,
  PlaceCreditHoldDocument,
  ProductsDocument,
  ReleaseCreditHoldDocument,
  ShipOrderDocument,
  type AlertStreamSubscription,
} from '@tandem/client';
import { transientConflict } from '../src/db/database-faults';
import { inTransaction } from '../src/db/transaction';
import { maskError } from '../src/graphql/errors';
import { createCrew, createCustomer, createOrder, createProduct, orderToInvoice, type Crew } from './support/fixtures';
import { RestartablePostgres } from './support/restartable-postgres';
import { startTestGateway, type TestGateway } from './support/test-app';
import { metric } from './support/metrics';
import { sqlClient } from './support/sql-client';
import { until } from './support/until';

/**
 * Faults of the database under a running gateway: a restart in the middle of
 * the time-based scan, a row lock held elsewhere, a pool with no free
 * connection, deadlocks, and an outage under live alert subscribers. Cases
 * that stop the server run on a PostgreSQL of their own.
 */
jest.setTimeout(60_000);

describe('on a PostgreSQL that restarts', () => {
  let pg: RestartablePostgres;
  let gw: TestGateway;
  let crew: Crew;

  beforeAll(async () => {
    pg = await RestartablePostgres.create();
    gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '300' }, await pg.createDatabase('tandem_faults'));
    crew = await createCrew(gw);
  });
  afterAll(async () => {
    await gw?.stop();
    await pg?.destroy();
  });

  it('a restart in the middle of a scan does not stop the schedule: the next scan raises its alerts', async () => {
    const c = await createCustomer(gw, crew.rep1, { name: 'Scan Co' });
    const p = await createProduct(gw, crew.manager, { sku: 'SCAN-1', unitPrice: '10.00', initialStock: 10 });
    const { invoice } = await orderToInvoice(gw, crew, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }]);

    // Hold the alert outbox lock, then make the invoice overdue: the next scan finds it and waits for the lock.
    const holder = await sqlClient(gw.databaseUrl);
    await holder.query(`select pg_advisory_lock(hashtext('tandem:alerts'))`);
    const admin = await sqlClient(gw.databaseUrl);
    await admin.query(`update invoices set due_date = current_date - 3 where id = $1`, [invoice.id]);
    await until(
      async () => (await admin.query(`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%tandem:alerts%' and pid <> pg_backend_pid()`)).rowCount === 1,
      'the scan to wait on the outbox lock',
      20_000,
    );
    await admin.end();
    const failedBefore = await metric(gw, 'tandem_alert_scans_total{outcome="failed"}');

    await pg.restart('fast'); // ends the scan's connection (and the lock holder's) mid-transaction
    holder.end().catch(() => undefined);

    const overdue = async () => (await gw.gql(AlertsDocument, { first: 100 }, crew.finance)).alerts.edges.filter((e) => e.node.kind === 'INVOICE_OVERDUE' && e.node.customer?.id === c.id);
    await until(async () => (await overdue().catch(() => [])).length === 1, 'the next scan to raise INVOICE_OVERDUE', 20_000);
    // The interrupted scan is counted as failed (polled like the alert: one CI run read the count before it moved).
    await until(async () => (await metric(gw, 'tandem_alert_scans_total{outcome="failed"}')) > failedBefore, 'the interrupted scan to be counted as failed', 20_000);
    expect(await metric(gw, 'tandem_unhandled_rejections_total')).toBe(0);
    // And it goes on scanning: one more overdue invoice, one more alert.
    const second = await orderToInvoice(gw, crew, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }]);
    await (await sqlClient(gw.databaseUrl)).query(`update invoices set due_date = current_date - 1 where id = $1`, [second.invoice.id]);
    await until(async () => (await overdue()).length === 2, 'a later scan to raise the second INVOICE_OVERDUE', 20_000);
  });

  it('every alert committed around a crash of the server reaches a live subscriber and a resuming client exactly once', async () => {
    const c = await createCustomer(gw, crew.rep1, { name: 'Outage Co' });
    const got: string[] = [];
    const client = gw.ws(crew.finance);
    client.subscribe<AlertStreamSubscription>(
      { query: print(AlertStreamDocument), variables: { kinds: ['CREDIT_HOLD'] } },
      { next: (r) => r.data && got.push(r.data.alertRaised.message), error: () => undefined, complete: () => undefined },
    );
    await new Promise<void>((resolve) => client.on('connected', () => resolve()));
    const reader = await sqlClient(gw.databaseUrl);
    const { last } = (await reader.query<{ last: string }>(`select coalesce(max(id), 0)::text as last from alerts`)).rows[0];
    await reader.end();
    const hold = async (reason: string) => {
      await gw.gql(ReleaseCreditHoldDocument, { customerId: c.id }, crew.finance);
      expect((await gw.gql(PlaceCreditHoldDocument, { customerId: c.id, reason }, crew.finance)).placeCreditHold.userErrors).toEqual([]);
    };
    await hold('before');
    const reconnectsBefore = await metric(gw, 'tandem_alert_listener_reconnects_total');

    await pg.stop('immediate'); // a crash: no shutdown handshake, crash recovery on the next start
    // While it is down, a write is a clear, retryable refusal, never an internal error.
    const down = await gw.request(PlaceCreditHoldDocument, { customerId: c.id, reason: 'during' }, crew.finance);
    expect(down.errors?.map((e) => [e.extensions?.code, e.extensions?.retryable])).toEqual([['DATABASE_UNAVAILABLE', true]]);
    await pg.start();

    await until(async () => (await gw.request(ProductsDocument, { first: 1 }, crew.finance)).errors === undefined, 'the pool to reconnect', 20_000);
    await hold('after 1');
    await hold('after 2');
    const expected = ['before', 'after 1', 'after 2'].map((r) => `Outage Co is on credit hold: ${r}.`);
    await until(() => got.length >= 3, 'the live subscriber to hear all three holds', 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toEqual(expected);
    expect(await metric(gw, 'tandem_alert_listener_reconnects_total')).toBeGreaterThan(reconnectsBefore);
    expect(await metric(gw, 'tandem_alert_delivery_lag_seconds_count')).toBeGreaterThan(0);

    // A client that resumes from before the outage gets the same three, once each.
    const resumed: string[] = [];
    gw.ws(crew.finance).subscribe<AlertStreamSubscription>(
      { query: print(AlertStreamDocument), variables: { kinds: ['CREDIT_HOLD'], after: last } },
      { next: (r) => r.data && resumed.push(r.data.alertRaised.message), error: () => undefined, complete: () => undefined },
    );
    await until(() => resumed.length >= 3, 'the resumed stream to replay', 20_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(resumed.filter((m) => m.startsWith('Outage Co'))).toEqual(expected);
    expect(await metric(gw, 'tandem_unhandled_rejections_total')).toBe(0);
  });
});

describe('nothing waits forever', () => {
  let gw: TestGateway;
  let crew: Crew;

  beforeAll(async () => {
    // The acquire timeout is well under the lock timeout, so a request waiting for a connection cannot be saved by a lock timeout freeing one.
    // HTTP admission (graphql/admission-plugin.ts, tested in admission.test.ts) would keep a fourth mutation from reaching the pool; here it
    // admits more than the pool holds, as graphql-ws operations and background jobs (which it does not cover) can also fill the pool.
    gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000', DB_LOCK_TIMEOUT_MS: '1500', DB_POOL_MAX: '3', DB_POOL_ACQUIRE_TIMEOUT_MS: '300', HTTP_MAX_CONCURRENT_MUTATIONS: '50' });
    crew = await createCrew(gw);
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('a row lock held elsewhere makes confirmOrder answer DATABASE_BUSY after the lock timeout, while the instance answers others and /readyz', async () => {
    const c = await createCustomer(gw, crew.rep1, { name: 'Locked Co' });
    const p = await createProduct(gw, crew.manager, { sku: 'LOCK-1', unitPrice: '5.00', initialStock: 10 });
    const order = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }]);
    const holder = await sqlClient(gw.databaseUrl);
    await holder.query('begin');
    await holder.query('select 1 from customers where id = $1 for update', [c.id]);
    try {
      const started = Date.now();
      const blocked = gw.request(ConfirmOrderDocument, { id: order.id }, crew.rep1);
      const readyStarted = Date.now();
      const ready = await fetch(gw.url.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(200);
      expect(Date.now() - readyStarted).toBeLessThan(1000);
      expect((await gw.gql(ProductsDocument, { first: 1 }, crew.finance)).products.edges).toHaveLength(1);
      const r = await blocked;
      expect(r.status).toBe(200);
      expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.retryable])).toEqual([['DATABASE_BUSY', true]]);
      expect(r.errors?.[0].message).toMatch(/lock timeout/);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    // Nothing was half-done: the order is still a draft and confirms now.
    const ok = await gw.gql(ConfirmOrderDocument, { id: order.id }, crew.rep1);
    expect(ok.confirmOrder.userErrors).toEqual([]);
    expect(await metric(gw, 'tandem_database_faults_total{code="DATABASE_BUSY",reason="lock timeout"}')).toBeGreaterThanOrEqual(1);
    expect(await metric(gw, 'tandem_graphql_unexpected_errors_total')).toBe(0);
  });

  it('with every pool connection stuck, requests get DATABASE_BUSY within the acquire timeout and /readyz still answers within a second', async () => {
    const c = await createCustomer(gw, crew.rep1, { name: 'Pool Co' });
    const p = await createProduct(gw, crew.manager, { sku: 'POOL-1', unitPrice: '5.00', initialStock: 10 });
    const orders = await Promise.all([1, 2, 3, 4].map(() => createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }])));
    const holder = await sqlClient(gw.databaseUrl);
    await holder.query('begin');
    await holder.query('select 1 from customers where id = $1 for update', [c.id]);
    try {
      // Three confirmations hold the pool's three connections while they wait on the lock (1.5 s).
      const waiting = orders.slice(0, 3).map((o) => gw.request(ConfirmOrderDocument, { id: o.id }, crew.rep1));
      const lockWaiters = await sqlClient(gw.databaseUrl);
      await until(
        async () => (await lockWaiters.query(`select 1 from pg_stat_activity where application_name = 'tandem-gateway' and wait_event_type = 'Lock'`)).rowCount === 3,
        'three confirmations to wait on the lock',
        1_000,
      );
      await lockWaiters.end();
      const started = Date.now();
      const read = await gw.request(ProductsDocument, { first: 1 }, crew.finance);
      const waited = Date.now() - started;
      const readyStarted = Date.now();
      const ready = await fetch(gw.url.replace('/graphql', '/readyz'));
      expect(Date.now() - readyStarted).toBeLessThan(1000);
      expect(ready.status).toBe(200);
      // No connection came free: the read gave up after the acquire timeout (300 ms), long before any lock timeout.
      expect(read.errors?.map((e) => [e.extensions?.code, e.extensions?.retryable])).toEqual([['DATABASE_BUSY', true]]);
      expect(read.errors?.[0].message).toMatch(/no free pool connection/);
      expect(waited).toBeGreaterThanOrEqual(250);
      expect(waited).toBeLessThan(1000);
      const answers = await Promise.all(waiting);
      for (const a of answers) expect(a.errors?.map((e) => [e.extensions?.code, e.extensions?.retryable])).toEqual([['DATABASE_BUSY', true]]);
      for (const a of answers) expect(a.errors?.[0].message).toMatch(/lock timeout/);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    expect(await metric(gw, 'tandem_database_faults_total{code="DATABASE_BUSY",reason="no free pool connection"}')).toBeGreaterThanOrEqual(1);
    expect(await metric(gw, 'tandem_graphql_unexpected_errors_total')).toBe(0);
  });
});

describe('transient conflicts are retried, not shown', () => {
  let gw: TestGateway;
  let crew: Crew;

  beforeAll(async () => {
    gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000', TX_MAX_ATTEMPTS: '3' });
    crew = await createCrew(gw);
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('a deadlock between two writes is run again: both commit', async () => {
    const a = await createCustomer(gw, crew.rep1, { name: 'Deadlock A' });
    const b = await createCustomer(gw, crew.rep1, { name: 'Deadlock B' });
    const retriesBefore = await metric(gw, 'tandem_transaction_retries_total{sqlstate="40P01"}');
    let attempts = 0;
    // Two writers lock the same two rows in opposite orders, meeting in the middle: PostgreSQL kills one of them.
    const meet = { count: 0 };
    const writer = (first: string, second: string, note: string) =>
      inTransaction(gw.app.orm.em.fork(), null, async (tx) => {
        attempts++;
        await tx.execute(`update customers set phone = phone where id = ?`, [first]);
        meet.count++;
        await until(() => meet.count >= 2, 'the other writer', 2000).catch(() => undefined);
        await tx.execute(`update customers set phone = ? where id = ?`, [note, second]);
        return note;
      });
    const results = await Promise.all([writer(a.id, b.id, 'one'), writer(b.id, a.id, 'two')]);
    expect(results).toEqual([
      { ok: true, value: 'one' },
      { ok: true, value: 'two' },
    ]);
    expect(attempts).toBe(3);
    expect(await metric(gw, 'tandem_transaction_retries_total{sqlstate="40P01"}')).toBe(retriesBefore + 1);
  });

  it('a serialization failure (40001) between two SERIALIZABLE writes is run again: both commit', async () => {
    const a = await createCustomer(gw, crew.rep1, { name: 'Skew A' });
    const b = await createCustomer(gw, crew.rep1, { name: 'Skew B' });
    const retriesBefore = await metric(gw, 'tandem_transaction_retries_total{sqlstate="40001"}');
    let attempts = 0;
    // Write skew: both read both rows, then each writes the row the other read; PostgreSQL fails one with 40001.
    const meet = { count: 0 };
    const writer = (mine: string, note: string) =>
      inTransaction(gw.app.orm.em.fork(), null, async (tx) => {
        attempts++;
        await tx.execute('set transaction isolation level serializable');
        await tx.execute(`select phone from customers where id in (?, ?)`, [a.id, b.id]);
        meet.count++;
        await until(() => meet.count >= 2, 'the other writer', 2000).catch(() => undefined);
        await tx.execute(`update customers set phone = ? where id = ?`, [note, mine]);
        return note;
      });
    const results = await Promise.all([writer(a.id, 'one'), writer(b.id, 'two')]);
    expect(results).toEqual([
      { ok: true, value: 'one' },
      { ok: true, value: 'two' },
    ]);
    expect(attempts).toBe(3);
    expect(await metric(gw, 'tandem_transaction_retries_total{sqlstate="40001"}')).toBe(retriesBefore + 1);
    const phones = (await gw.app.orm.em.fork().execute<{ phone: string }[]>(`select phone from customers where id in (?, ?) order by name`, [a.id, b.id])).map((r) => r.phone);
    expect(phones).toEqual(['one', 'two']);
  });

  it('a serialization failure on every attempt stops after TX_MAX_ATTEMPTS and reaches the client as DATABASE_BUSY (retryable), not INTERNAL_SERVER_ERROR', async () => {
    let attempts = 0;
    const started = Date.now();
    const failed = await inTransaction(gw.app.orm.em.fork(), null, async (tx) => {
      attempts++;
      await tx.execute(`do $$ begin raise exception 'could not serialize access' using errcode = 'serialization_failure'; end $$`);
    }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(attempts).toBe(3); // TX_MAX_ATTEMPTS of this gateway
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(transientConflict(failed)).toBe('40001');
    expect(maskError({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, failed)).toMatchObject({
      message: expect.stringMatching(/serialization failure/),
      extensions: { code: 'DATABASE_BUSY', retryable: true },
    });
  });

  it('creates, confirms and ships of overlapping products at once: no deadlock reaches a client, and none happens', async () => {
    const products = await Promise.all(['DL-1', 'DL-2', 'DL-3', 'DL-4'].map((sku) => createProduct(gw, crew.manager, { sku, unitPrice: '2.00', initialStock: 100_000 })));
    const customers = await Promise.all([1, 2, 3, 4].map((i) => createCustomer(gw, crew.rep1, { name: `Overlap ${i}` })));
    const stats = await sqlClient(gw.databaseUrl);
    const deadlocks = async () => {
      await stats.query('select pg_stat_clear_snapshot()');
      return Number((await stats.query(`select deadlocks from pg_stat_database where datname = current_database()`)).rows[0].deadlocks);
    };
    const before = await deadlocks();
    const errors: unknown[] = [];
    // Lines in opposite product orders, so any lock taken in line order would cross.
    const lines = (k: number) => (k % 2 ? products : [...products].reverse()).map((p) => ({ productId: p.id, quantity: 1 + (k % 3) }));
    const client = async (k: number) => {
      for (let i = 0; i < 6; i++) {
        const created = await gw.request(CreateOrderDocument, { input: { customerId: customers[k % 4].id, lines: lines(k + i) } }, crew.rep1);
        if (created.errors) errors.push(created.errors);
        const id = created.data?.createOrder.order?.id;
        if (!id) continue;
        const confirmed = await gw.request(ConfirmOrderDocument, { id }, crew.rep1);
        if (confirmed.errors || confirmed.data?.confirmOrder.userErrors.length) errors.push(confirmed.errors ?? confirmed.data?.confirmOrder.userErrors);
        const shipped = await gw.request(ShipOrderDocument, { id }, crew.warehouse);
        if (shipped.errors || shipped.data?.shipOrder.userErrors.length) errors.push(shipped.errors ?? shipped.data?.shipOrder.userErrors);
      }
    };
    await Promise.all(Array.from({ length: 12 }, (_, k) => client(k)));
    expect(errors).toEqual([]);
    await new Promise((r) => setTimeout(r, 1200)); // statistics reach pg_stat_database within a second
    expect((await deadlocks()) - before).toBe(0);
    await stats.end();
  });
});
