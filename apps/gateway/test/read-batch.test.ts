import { databaseFault } from '../src/db/database-faults';
import { query } from '../src/db/sql';
import { startTestGateway, type TestGateway } from './support/test-app';
import { recordStatements } from './support/statements';

/**
 * db/read-batch.ts on a real PostgreSQL: a request's SELECTs issued in the
 * same turn of the event loop share one round trip and each caller gets its
 * own rows; anything in a transaction, any write and any locking SELECT goes
 * alone; a failing statement fails every read of its batch with the error
 * the fault mapping knows.
 */
let gw: TestGateway;
const sent: string[] = [];

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000', DB_STATEMENT_TIMEOUT_MS: '500' });
  // Nothing else on the pool while round trips are counted.
  await recordStatements(gw, sent);
}, 60_000);
afterAll(() => gw?.stop());
beforeEach(() => {
  sent.length = 0;
});

it('sends the SELECTs of one turn in one round trip and hands each caller its own rows, parameters inlined safely', async () => {
  const em = gw.app.orm.em.fork();
  const tricky = `O'Brien; drop table customers; --`;
  const [a, b, c] = await Promise.all([
    query<{ n: number }>(em, 'select /* ours */ ?::int + 1 as n', [41]),
    query<{ s: string }>(em, 'select /* ours */ ?::text as s -- a statement may end in a comment', [tricky]),
    query<{ x: number }>(em, 'select /* ours */ x from generate_series(1, ?) x order by x', [3]),
  ]);
  expect(a).toEqual([{ n: 42 }]);
  expect(b).toEqual([{ s: tricky }]);
  expect(c).toEqual([{ x: 1 }, { x: 2 }, { x: 3 }]);
  // Start-up work of the gateway may still be reading: count only these statements' trips.
  const ours = sent.filter((s) => s.includes('/* ours */'));
  expect(ours).toHaveLength(1);
  expect(ours[0].split('\n;\n')).toHaveLength(3);
  // The table the quoted value named is still there.
  expect((await query<{ n: string }>(em, 'select count(*) as n from customers')).length).toBe(1);
});

it('keeps the reads of different turns, and of different requests, apart', async () => {
  const one = gw.app.orm.em.fork();
  const other = gw.app.orm.em.fork();
  await query(one, 'select /* ours */ 1 as a');
  await query(one, 'select /* ours */ 2 as a');
  const [x, y] = await Promise.all([query<{ a: number }>(one, 'select /* ours */ 3 as a'), query<{ a: number }>(other, 'select /* ours */ 4 as a')]);
  expect([x, y]).toEqual([[{ a: 3 }], [{ a: 4 }]]);
  const ours = sent.filter((s) => s.includes('/* ours */'));
  expect(ours).toHaveLength(4);
  expect(ours.every((s) => !s.includes('\n;\n'))).toBe(true);
});

it('runs a transaction’s statements, writes and locking SELECTs alone, in order', async () => {
  const em = gw.app.orm.em.fork();
  await em.transactional(async (tx) => {
    await Promise.all([query(tx, 'select /* ours */ 1 as a'), query(tx, 'select /* ours */ 2 as a')]);
  });
  await Promise.all([
    query(em, 'select /* ours */ 1 as a'),
    query(em, `select /* ours */ pg_advisory_unlock_all()`),
    query(em, `with t as (select 1 as a) select /* ours */ a from t`),
    query(em, 'select /* ours */ id from users limit 1 for update'),
  ]);
  // Only the plain SELECT outside the transaction could have shared a trip, and it had no plain companion.
  const ours = sent.filter((s) => s.includes('/* ours */'));
  expect(ours).toHaveLength(6);
  expect(ours.every((s) => !s.includes('\n;\n'))).toBe(true);
});

it('fails every read of a batch when one statement fails, with an error the fault mapping reads', async () => {
  const em = gw.app.orm.em.fork();
  const division = await Promise.allSettled([query(em, 'select /* ours */ 1 as a'), query(em, 'select /* ours */ 1 / (?::int - 1) as boom', [1])]);
  expect(sent.filter((s) => s.includes('/* ours */'))).toHaveLength(1);
  expect(division.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  for (const r of division) expect(String((r as PromiseRejectedResult).reason)).toMatch(/division by zero/);
  // A wait past DB_STATEMENT_TIMEOUT_MS is the retryable DATABASE_BUSY for every read of the batch, as for one alone.
  const slow = await Promise.allSettled([query(em, 'select 1 as a'), query(em, 'select pg_sleep(5)::text as slept')]);
  for (const r of slow) expect(databaseFault((r as PromiseRejectedResult).reason)).toEqual({ code: 'DATABASE_BUSY', reason: 'statement timeout' });
  // The pool goes on serving.
  expect(await query(em, 'select 7 as a')).toEqual([{ a: 7 }]);
});
