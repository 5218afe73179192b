import { print } from 'graphql';
import type { Client as WsClient, FormattedExecutionResult } from 'graphql-ws';

type ExecutionResult = FormattedExecutionResult<Record<string, unknown>, unknown>;
import { AlertStreamDocument, CustomerDashboardDocument, PlaceCreditHoldDocument } from '@tandem/client';
import { createCrew, createCustomer, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';

/**
 * Cost limits (issue 9): a document's cost is counted before it runs, from the
 * `first` of the lists it nests (a product, not a sum); a document over the
 * per-query maximum or over its viewer's budget is refused before anything
 * runs; token and fragment caps refuse documents that would exhaust the parser
 * or the validator, over HTTP and over graphql-ws alike.
 */
let gw: TestGateway;
let crew: Crew;
let customerId: string;

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' });
  crew = await createCrew(gw);
  customerId = (await createCustomer(gw, crew.rep1, { name: 'Costly Customer' })).id;
});
afterAll(() => gw?.stop());

interface Body {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: { cost?: { requested: number; remaining: number } };
}

/** Sends a raw document over HTTP (some of these are too large or too odd for the typed client). */
async function post(query: string, token?: string, variables?: Record<string, unknown>): Promise<Body & { ms: number; retryAfter: string | null }> {
  const started = performance.now();
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Body;
  return { ...body, status: res.status, ms: performance.now() - started, retryAfter: res.headers.get('retry-after') };
}

/** Runs one operation over an open graphql-ws client and collects what it answers. */
function runOver(client: WsClient, query: string): Promise<{ results: ExecutionResult[]; error?: unknown }> {
  return new Promise((resolve) => {
    const results: ExecutionResult[] = [];
    client.subscribe({ query }, { next: (r) => results.push(r), error: (error) => resolve({ results, error }), complete: () => resolve({ results }) });
  });
}

/** Counts the SQL statements the gateway's ORM sends while `fn` runs. */
async function statementsDuring(fn: () => Promise<unknown>): Promise<number> {
  const knex = gw.app.orm.em.getConnection().getKnex();
  let count = 0;
  const listen = () => count++;
  knex.on('query', listen);
  try {
    await fn();
  } finally {
    knex.removeListener('query', listen);
  }
  return count;
}

/** 15 aliases (the alias cap) of a legal customers → orders → lines read: each part is allowed, the product is not. */
const ALIASED_LINES = `{ ${Array.from(
  { length: 15 },
  (_, i) => `a${i}: customers(first: 100) { edges { node { id orders(first: 100) { edges { node { id lines { id quantity product { id name } } } } } } } }`,
).join(' ')} }`;
/**
 * Per alias: lines 50 (assumed) × (line 1 + product 1) = 100; an order 1 + 100; a page of
 * 100 orders 1 + 100 × 101; a customer 1 + 10 101; a page of 100 customers 1 + 100 × 10 102.
 */
const ALIASED_LINES_COST = 15 * (1 + 100 * (1 + (1 + 100 * (1 + 50 * 2))));

/** A fragment chain: the operation spreads F0, F0 spreads F1, ..., the last selects `me`. */
function fragmentChain(n: number): string {
  const parts = ['query Chain { ...F0 }'];
  for (let i = 0; i < n; i++) parts.push(`fragment F${i} on Query { ${i === n - 1 ? 'me { id }' : `...F${i + 1}`} }`);
  return parts.join('\n');
}

describe('the cost of a document', () => {
  it('multiplies nested page sizes, counting each object once', async () => {
    const nested = 'query Nested($c: Int!, $o: Int!) { customers(first: $c) { edges { node { id orders(first: $o) { edges { node { id lines { id } } } } } } } }';
    // lines: 50 (assumed) × 1; an order: 1 + 50; orders: 1 + o × 51; a customer: 1 + orders; customers: 1 + c × customer.
    const small = await post(nested, crew.manager, { c: 2, o: 3 });
    expect(small.errors).toBeUndefined();
    expect(small.extensions?.cost?.requested).toBe(1 + 2 * (1 + (1 + 3 * (1 + 50))));
    const large = await post(nested, crew.manager, { c: 20, o: 10 });
    expect(large.extensions?.cost?.requested).toBe(10_241);
  });

  it('reports the cost and the remaining budget on every response', async () => {
    const me = await post('{ me { id } }', crew.support);
    expect(me.status).toBe(200);
    expect(me.extensions?.cost).toEqual({ requested: 1, remaining: expect.any(Number) });
    // The headline dashboard at 50 a page: 1 + 50 × (customer 1 + owner 1 + contacts 10 + credit 1 + orders 1 + 5 + invoices 1 + 10).
    const dashboard = await gw.request(CustomerDashboardDocument, { first: 50 }, crew.finance);
    expect(dashboard.errors).toBeUndefined();
    const cost = (dashboard.extensions as Body['extensions'])?.cost;
    expect(cost?.requested).toBe(1501);
    // The budget (100 000 at once) has drained a little since it was charged.
    expect(cost?.remaining).toBeGreaterThanOrEqual(100_000 - 1501);
    expect(cost?.remaining).toBeLessThanOrEqual(100_000);
  });

  it('refuses a document over the maximum at once, with its cost, and runs nothing', async () => {
    let r: Awaited<ReturnType<typeof post>> | undefined;
    const statements = await statementsDuring(async () => (r = await post(ALIASED_LINES, crew.manager)));
    expect(r!.status).toBe(400);
    expect(r!.data).toBeUndefined();
    expect(r!.errors).toHaveLength(1);
    expect(r!.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: { requested: ALIASED_LINES_COST, maximum: 50_000 } });
    expect(r!.errors![0].message).toContain(String(ALIASED_LINES_COST));
    expect(statements).toBe(0);
    expect(r!.ms).toBeLessThan(1000);
  });
});

describe('the per-viewer budget', () => {
  // 1 + 100 × (customer 1 + orders (1 + 100 × 2) + invoices (1 + 100 × 2)) = 40 301: legal alone, not four at once.
  const HEAVY =
    'query Heavy { customers(first: 100) { edges { node { id orders(first: 100) { edges { node { id customer { id } } } } invoices(first: 100) { edges { node { id customer { id } } } } } } } }';

  it('refuses a viewer that spends its budget with RATE_LIMITED, and another viewer is served at once', async () => {
    const burst = await Promise.all(Array.from({ length: 4 }, () => post(HEAVY, crew.rep2)));
    const me = await post('{ me { id } }', crew.rep1);
    expect(me.status).toBe(200);
    expect(me.data).toEqual({ me: { id: crew.ids.rep1 } });
    expect(me.ms).toBeLessThan(500);

    const served = burst.filter((r) => r.status === 200);
    const limited = burst.filter((r) => r.status === 429);
    expect(served.length).toBeGreaterThanOrEqual(1);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(served.length + limited.length).toBe(4);
    expect(served[0].extensions?.cost?.requested).toBe(40_301);
    const refusal = limited[0].errors![0];
    expect(refusal.extensions?.code).toBe('RATE_LIMITED');
    expect(refusal.extensions?.cost).toEqual({ requested: 40_301, remaining: expect.any(Number) });
    const retryAfterMs = refusal.extensions?.retryAfterMs as number;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(Number(limited[0].retryAfter)).toBe(Math.ceil(retryAfterMs / 1000));

    // The bucket leaks: after the hint, the same document is served again.
    await new Promise((resolve) => setTimeout(resolve, retryAfterMs + 50));
    const again = await post(HEAVY, crew.rep2);
    expect(again.status).toBe(200);
  });
});

describe('caps on tokens and fragments', () => {
  it('refuses a chain of 5 000 fragments over HTTP with a GraphQL error, not a 500', async () => {
    const r = await post(fragmentChain(5000), crew.manager);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.errors?.[0].message).toMatch(/tokens/);
  });

  it('refuses more than 50 fragments even under the token cap', async () => {
    const spreads = Array.from({ length: 60 }, (_, i) => `...F${i}`).join(' ');
    const fragments = Array.from({ length: 60 }, (_, i) => `fragment F${i} on Query { me { id } }`).join('\n');
    const r = await post(`query Many { ${spreads} }\n${fragments}`, crew.manager);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).toMatch(/60 fragments.*at most 50/);
  });

  it('refuses the longest chain the token cap lets through with a validation error', async () => {
    const r = await post(fragmentChain(240), crew.manager);
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.extensions?.code)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).toMatch(/240 fragments.*at most 50/);
  });

  it('refuses fragments that fan out past what can be counted, before anything runs', async () => {
    const fanOut = (name: string) => `...${name} `.repeat(100);
    const bomb = [`query Bomb { ${fanOut('F0')}}`];
    for (let i = 0; i < 4; i++) bomb.push(`fragment F${i} on Query { ${i === 3 ? 'me { id }' : fanOut(`F${i + 1}`)}}`);
    const r = await post(bomb.join('\n'), crew.manager);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: { maximum: 50_000 } });
  });

  it('refuses a document over the token cap', async () => {
    const r = await post(`{ invoices(first: 1, status: [${'OPEN '.repeat(2100)}]) { totalCount } }`, crew.manager);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.errors?.[0].message).toMatch(/2000 tokens/);
  });
});

describe('over graphql-ws', () => {
  it('answers a refused operation with an error on it alone; the socket and its other subscriptions go on', async () => {
    const client = gw.ws(crew.manager);
    const closed: number[] = [];
    client.on('closed', (event) => closed.push((event as { code: number }).code));
    const alerts: ExecutionResult[] = [];
    let alertsFailed: unknown;
    client.subscribe({ query: print(AlertStreamDocument), variables: { kinds: ['CREDIT_HOLD'] } }, { next: (r) => alerts.push(r), error: (e) => (alertsFailed = e), complete: () => undefined });
    const hub = gw.app.services.alertHub;
    const deadline = Date.now() + 10_000;
    while (hub.subscriberCount() < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));

    const chain = await runOver(client, fragmentChain(5000));
    expect(chain.results).toEqual([]);
    expect((chain.error as { extensions?: { code?: string } }[])[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');

    const costly = await runOver(client, ALIASED_LINES);
    expect((costly.error as { extensions?: unknown }[])[0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: { requested: ALIASED_LINES_COST, maximum: 50_000 } });

    const me = await runOver(client, '{ me { id } }');
    expect(me.error).toBeUndefined();
    expect(me.results).toEqual([{ data: { me: { id: crew.ids.manager } }, extensions: { cost: { requested: 1, remaining: expect.any(Number) } } }]);

    const hold = await gw.gql(PlaceCreditHoldDocument, { customerId, reason: 'still subscribed?' }, crew.finance);
    expect(hold.placeCreditHold.userErrors).toEqual([]);
    while (alerts.length < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alertsFailed).toBeUndefined();
    expect(alerts).toHaveLength(1);
    // A subscription is costed when it starts (alertRaised 1 + customer, order, invoice and product 1 each) and its events say so.
    expect(alerts[0].extensions).toEqual({ cost: { requested: 5, remaining: expect.any(Number) } });
    expect(closed).toEqual([]);
  });
});
