import { print } from 'graphql';
import type { Client } from 'pg';
import { ConfirmOrderDocument, CreateCustomerDocument, ProductsDocument } from '@tandem/client';
import { createCrew, createCustomer, createOrder, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';
import { metric } from './support/metrics';
import { sqlClient } from './support/sql-client';
import { until } from './support/until';

/**
 * HTTP admission (graphql/admission-plugin.ts): at most
 * HTTP_MAX_CONCURRENT_MUTATIONS mutations and HTTP_MAX_CONCURRENT_QUERIES
 * queries run at once on an instance; the rest wait in order, and one that
 * waits past HTTP_QUEUE_TIMEOUT_MS is answered 503 SERVER_BUSY (retryable)
 * without running. Operations are held running here by a row lock taken on a
 * connection of the test's own, so what is running is visible in
 * pg_stat_activity.
 */
jest.setTimeout(30_000);

/** Statements of the gateway waiting on a lock now. */
async function lockWaiters(sql: Client): Promise<number> {
  const r = await sql.query(`select count(*)::int as n from pg_stat_activity where application_name = 'tandem-gateway' and wait_event_type = 'Lock'`);
  return r.rows[0].n as number;
}

describe('with two mutations allowed at once', () => {
  let gw: TestGateway;
  let crew: Crew;
  beforeAll(async () => {
    gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000', DB_LOCK_TIMEOUT_MS: '20000', DB_POOL_MAX: '10', HTTP_MAX_CONCURRENT_MUTATIONS: '2', HTTP_QUEUE_TIMEOUT_MS: '15000' });
    crew = await createCrew(gw);
  });
  afterAll(async () => {
    await gw?.stop();
  });

  it('runs two of five blocked confirmations and queues three while queries go on; all five finish once the lock goes, none refused', async () => {
    const c = await createCustomer(gw, crew.rep1, { name: 'Queued Co' });
    const p = await createProduct(gw, crew.manager, { sku: 'ADM-1', unitPrice: '5.00', initialStock: 100 });
    const orders = await Promise.all([1, 2, 3, 4, 5].map(() => createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }])));
    const holder = await sqlClient(gw.databaseUrl);
    const watcher = await sqlClient(gw.databaseUrl);
    await holder.query('begin');
    await holder.query('select 1 from customers where id = $1 for update', [c.id]);
    let answers;
    try {
      const sent = orders.map((o) => gw.request(ConfirmOrderDocument, { id: o.id }, crew.rep1));
      await until(async () => (await metric(gw, 'tandem_http_operations_waiting{kind="mutation"}')) === 3, 'three confirmations to wait for their turn', 5_000);
      // The pool has ten connections, yet only the two admitted mutations reach the database.
      expect(await lockWaiters(watcher)).toBe(2);
      expect(await metric(gw, 'tandem_http_operations_running{kind="mutation"}')).toBe(2);
      // Queries have their own lane: a hot row that holds mutations up does not hold them up; nor the probes.
      expect((await gw.gql(ProductsDocument, { first: 5 }, crew.finance)).products.edges.map((e) => e.node.sku)).toContain('ADM-1');
      expect((await fetch(gw.url.replace('/graphql', '/readyz'))).status).toBe(200);
      await holder.query('rollback');
      answers = await Promise.all(sent);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
      await watcher.end();
    }
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.errors).toBeUndefined();
      expect(a.data?.confirmOrder.userErrors).toEqual([]);
      expect(a.data?.confirmOrder.order?.status).toBe('CONFIRMED');
    }
    expect(await metric(gw, 'tandem_http_operations_waiting')).toBe(0);
    expect(await metric(gw, 'tandem_http_server_busy_total')).toBe(0);
  });
});

describe('with one operation of each kind at once and a short wait', () => {
  let gw: TestGateway;
  let crew: Crew;
  beforeAll(async () => {
    gw = await startTestGateway({
      ALERT_SCAN_INTERVAL_MS: '3600000',
      DB_LOCK_TIMEOUT_MS: '20000',
      HTTP_MAX_CONCURRENT_MUTATIONS: '1',
      HTTP_MAX_CONCURRENT_QUERIES: '1',
      HTTP_QUEUE_TIMEOUT_MS: '400',
      // A budget that hardly refills, so what a refusal gives back shows exactly.
      QUERY_COST_PER_SECOND: '1',
      QUERY_COST_BURST: '50000',
    });
    crew = await createCrew(gw);
  });
  afterAll(async () => {
    await gw?.stop();
  });

  /** A confirmation that runs and holds the one mutation slot, waiting on its customer's row lock held by `holder`. */
  async function runningConfirmation(name: string, sku: string) {
    const c = await createCustomer(gw, crew.rep1, { name });
    const p = await createProduct(gw, crew.manager, { sku, unitPrice: '5.00', initialStock: 10 });
    const order = await createOrder(gw, crew.rep1, c.id, [{ productId: p.id, quantity: 1 }]);
    const holder = await sqlClient(gw.databaseUrl);
    await holder.query('begin');
    await holder.query('select 1 from customers where id = $1 for update', [c.id]);
    const blocked = gw.request(ConfirmOrderDocument, { id: order.id }, crew.rep1);
    await until(async () => (await metric(gw, 'tandem_http_operations_running{kind="mutation"}')) === 1, 'the confirmation to run', 5_000);
    return { holder, blocked };
  }

  it('answers an operation that waited its whole turn 503 SERVER_BUSY (retryable) without running it; the running one finishes', async () => {
    const { holder, blocked } = await runningConfirmation('Busy Co', 'ADM-2');
    try {
      const started = Date.now();
      const res = await fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${crew.rep1}` },
        body: JSON.stringify({ query: print(CreateCustomerDocument), variables: { input: { name: 'Never Made Co' } } }),
      });
      const waited = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      const body = (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'SERVER_BUSY', retryable: true });
      expect(body.errors[0].message).toMatch(/this mutation waited 400 ms .* nothing was changed/);
      expect(waited).toBeGreaterThanOrEqual(350);
      expect(waited).toBeLessThan(3_000);
      await holder.query('rollback');
      const confirmed = await blocked;
      expect(confirmed.data?.confirmOrder.order?.status).toBe('CONFIRMED');
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    // The refused mutation never ran.
    const sql = await sqlClient(gw.databaseUrl);
    try {
      expect((await sql.query(`select count(*)::int as n from customers where name = 'Never Made Co'`)).rows[0].n).toBe(0);
    } finally {
      await sql.end();
    }
    expect(await metric(gw, 'tandem_http_server_busy_total{kind="mutation"}')).toBe(1);
    expect(await metric(gw, 'tandem_graphql_unexpected_errors_total')).toBe(0);
    // The instance serves again as before.
    expect((await gw.gql(ProductsDocument, { first: 5 }, crew.finance)).products.edges.map((e) => e.node.sku)).toContain('ADM-2');
  });

  it('gives away the turn of a client that hung up while waiting: its mutation never runs', async () => {
    const { holder, blocked } = await runningConfirmation('Hang-up Co', 'ADM-3');
    try {
      const abort = new AbortController();
      const gone = fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${crew.rep1}` },
        body: JSON.stringify({ query: print(CreateCustomerDocument), variables: { input: { name: 'Hung Up Co' } } }),
        signal: abort.signal,
      }).catch((err: unknown) => err);
      await until(async () => (await metric(gw, 'tandem_http_operations_waiting{kind="mutation"}')) === 1, 'the mutation to wait for its turn', 5_000);
      abort.abort();
      expect((await gone) as { name?: string }).toMatchObject({ name: 'AbortError' });
      await holder.query('rollback');
      expect((await blocked).data?.confirmOrder.order?.status).toBe('CONFIRMED');
      // Its turn comes and goes at once.
      await until(async () => (await metric(gw, 'tandem_http_operations_waiting')) + (await metric(gw, 'tandem_http_operations_running')) === 0, 'the queue to empty', 5_000);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    // Whatever ran next ran after the lock went; the hung-up mutation was not among it.
    expect((await gw.gql(ProductsDocument, { first: 5 }, crew.finance)).products.edges.length).toBeGreaterThan(0);
    const sql = await sqlClient(gw.databaseUrl);
    try {
      expect((await sql.query(`select count(*)::int as n from customers where name = 'Hung Up Co'`)).rows[0].n).toBe(0);
    } finally {
      await sql.end();
    }
  });

  it('queues a query behind the running one and answers it SERVER_BUSY at the wait’s end, cost given back, while a mutation runs in its own lane', async () => {
    const holder = await sqlClient(gw.databaseUrl);
    await holder.query('begin');
    await holder.query('lock table products in access exclusive mode');
    try {
      // The warehouse has not spent anything yet: its budget is whole (50000).
      const blocked = gw.request(ProductsDocument, { first: 5 }, crew.warehouse);
      await until(async () => (await metric(gw, 'tandem_http_operations_running{kind="query"}')) === 1, 'the products read to run', 5_000);
      const second = await gw.request(ProductsDocument, { first: 50 }, crew.warehouse);
      expect(second.status).toBe(503);
      expect(second.errors?.map((e) => [e.extensions?.code, e.extensions?.retryable])).toEqual([['SERVER_BUSY', true]]);
      expect(second.errors?.[0].message).toMatch(/this query waited 400 ms/);
      // The mutation lane is free: a customer is created meanwhile.
      expect((await gw.gql(CreateCustomerDocument, { input: { name: 'Own Lane Co' } }, crew.rep1)).createCustomer.customer?.id).toBeTruthy();
      await holder.query('rollback');
      const first = await blocked;
      expect(first.errors).toBeUndefined();
      // Only the read that ran was spent: the refused one's charge came back.
      const spent = (first.extensions?.cost as { requested: number }).requested;
      const refused = second.extensions?.cost as { requested: number; remaining: number };
      expect(refused.requested).toBeGreaterThan(spent);
      expect(refused.remaining).toBeGreaterThanOrEqual(50_000 - spent);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    expect(await metric(gw, 'tandem_http_server_busy_total{kind="query"}')).toBe(1);
  });
});
