import { MeDocument, ProductsDocument } from '@tandem/client';
import { databaseFault } from '../src/db/database-faults';
import { maskError } from '../src/graphql/errors';
import { createCrew, createProduct, type Crew } from './support/fixtures';
import { startTestGateway, type TestGateway } from './support/test-app';
import { metric } from './support/metrics';
import { sqlClient } from './support/sql-client';
import { until } from './support/until';

/**
 * The server-side waits every pool connection opens with: a statement that runs
 * past DB_STATEMENT_TIMEOUT_MS is cancelled and the client gets the retryable
 * DATABASE_BUSY; a session left idle inside a transaction past
 * DB_IDLE_IN_TRANSACTION_TIMEOUT_MS is ended by the server, and the pool goes
 * on serving. The lock timeout is long here, so only these limits can act.
 */
jest.setTimeout(30_000);

let gw: TestGateway;
let crew: Crew;

beforeAll(async () => {
  gw = await startTestGateway({
    ALERT_SCAN_INTERVAL_MS: '3600000',
    DB_STATEMENT_TIMEOUT_MS: '400',
    DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '400',
    DB_LOCK_TIMEOUT_MS: '20000',
    DB_POOL_MAX: '2',
  });
  crew = await createCrew(gw);
  await createProduct(gw, crew.manager, { sku: 'SLOW-1', unitPrice: '5.00', initialStock: 1 });
});
afterAll(async () => {
  await gw?.stop();
});

it('a statement running past DB_STATEMENT_TIMEOUT_MS is cancelled: DATABASE_BUSY (retryable), never INTERNAL_SERVER_ERROR, while the instance answers others', async () => {
  // On the pool itself: a statement that would run for 10 s is cancelled by the server at 400 ms.
  const started = Date.now();
  const slow = await gw.app.orm.em
    .fork()
    .execute('select pg_sleep(10)')
    .then(
      () => null,
      (err: unknown) => err,
    );
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(databaseFault(slow)).toEqual({ code: 'DATABASE_BUSY', reason: 'statement timeout' });
  expect(maskError({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, slow).extensions).toEqual({ code: 'DATABASE_BUSY', retryable: true });

  // Over HTTP: a products read kept waiting (on a table lock, far shorter than the lock timeout) runs past the statement timeout.
  const holder = await sqlClient(gw.databaseUrl);
  await holder.query('begin');
  await holder.query('lock table products in access exclusive mode');
  try {
    const sent = Date.now();
    const read = gw.request(ProductsDocument, { first: 5 }, crew.finance);
    // Meanwhile the instance answers what does not need the locked table, and /readyz.
    expect((await gw.gql(MeDocument, {}, crew.finance)).me.id).toBe(crew.ids.finance);
    expect((await fetch(gw.url.replace('/graphql', '/readyz'))).status).toBe(200);
    const r = await read;
    expect(Date.now() - sent).toBeLessThan(3_000);
    expect(r.status).toBe(200);
    expect(r.errors?.map((e) => [e.extensions?.code, e.extensions?.retryable])).toEqual([['DATABASE_BUSY', true]]);
    expect(r.errors?.[0].message).toMatch(/statement timeout/);
  } finally {
    await holder.query('rollback');
    await holder.end();
  }
  expect((await gw.gql(ProductsDocument, { first: 5 }, crew.finance)).products.edges.map((e) => e.node.sku)).toContain('SLOW-1');
  expect(await metric(gw, 'tandem_database_faults_total{code="DATABASE_BUSY",reason="statement timeout"}')).toBeGreaterThanOrEqual(1);
  expect(await metric(gw, 'tandem_graphql_unexpected_errors_total')).toBe(0);
});

it('a session idle in a transaction past DB_IDLE_IN_TRANSACTION_TIMEOUT_MS is ended by the server; the pool goes on serving', async () => {
  // knex reports the connection the server ended on the console; the test checks it instead.
  const knexNotice = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const em = gw.app.orm.em.fork();
  await em.begin();
  const [{ pid }] = await em.execute<{ pid: number }[]>('select pg_backend_pid() as pid');
  const admin = await sqlClient(gw.databaseUrl);
  try {
    // The connection sits idle inside its open transaction; the server ends that session.
    await until(async () => (await admin.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount === 0, 'the server to end the idle session', 5_000);
    const next = await em.execute('select 1').then(
      () => null,
      (err: unknown) => err,
    );
    expect(next).not.toBeNull();
    // What a request would have met: a retryable fault (the connection is gone), not a bug.
    expect(databaseFault(next)).toEqual({ code: 'DATABASE_UNAVAILABLE', reason: 'connection lost' });
    expect(maskError({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, next).extensions).toEqual({ code: 'DATABASE_UNAVAILABLE', retryable: true });
    await em.rollback().catch(() => undefined);
    const log = await admin.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = 'tandem-gateway' and state like 'idle in transaction%'`);
    expect(log.rows[0].n).toBe(0);
  } finally {
    await admin.end();
    knexNotice.mockRestore();
  }
  // More reads than the pool has connections, one after the other: the dead one is never handed out again.
  for (let i = 0; i < 4; i++) {
    expect((await gw.gql(ProductsDocument, { first: 5 }, crew.finance)).products.edges.length).toBeGreaterThan(0);
  }
  expect(await metric(gw, 'tandem_graphql_unexpected_errors_total')).toBe(0);
});
