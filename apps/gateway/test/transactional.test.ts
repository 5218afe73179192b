import { createServer, connect, type Server, type Socket } from 'node:net';
import { databaseFault } from '../src/db/database-faults';
import { transactional } from '../src/db/transactional';
import { query } from '../src/db/sql';
import { createCrew, createCustomer, type Crew } from './support/fixtures';
import { PlaceCreditHoldDocument } from '@tandem/client';
import { createTestDatabase, startTestGateway, type TestGateway } from './support/test-app';

/**
 * A connection lost as a transaction begins. knex swallows a failed BEGIN and
 * hands the transaction out anyway, so its first statement fails with
 * "Transaction query already complete", which used to reach the client as
 * INTERNAL_SERVER_ERROR while the database was going down. db/transactional
 * throws what BEGIN met instead. The gateway talks to PostgreSQL through a
 * TCP proxy here that, when armed, cuts the gateway's next connection to send
 * BEGIN, at that moment: the real failure, on a real connection.
 */
class BeginCutter {
  armed = false;
  cuts = 0;
  url = '';
  private server: Server | null = null;

  static async start(databaseUrl: string): Promise<BeginCutter> {
    const target = new URL(databaseUrl);
    const sockets = new Set<Socket>();
    const cutter = new BeginCutter();
    const server = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      sockets.add(client).add(upstream);
      let appName = '';
      client.on('data', (chunk: Buffer) => {
        // The startup packet names the pool (application_name): only the gateway's own connections are cut.
        if (!appName) appName = chunk.includes('tandem-gateway') ? 'tandem-gateway' : 'other';
        if (cutter.armed && appName === 'tandem-gateway' && chunk.includes('BEGIN;')) {
          cutter.armed = false;
          cutter.cuts++;
          client.destroy();
          upstream.destroy();
          return;
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      const close = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('close', close).on('error', close);
      upstream.on('close', close).on('error', close);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxied = new URL(databaseUrl);
    proxied.port = String((server.address() as { port: number }).port);
    proxied.hostname = '127.0.0.1';
    cutter.url = proxied.toString();
    cutter.server = server;
    server.on('close', () => sockets.forEach((s) => s.destroy()));
    return cutter;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

let cutter: BeginCutter;
let gw: TestGateway;
let crew: Crew;

beforeAll(async () => {
  cutter = await BeginCutter.start(await createTestDatabase());
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' }, cutter.url);
  crew = await createCrew(gw);
}, 60_000);
afterAll(async () => {
  await gw?.stop();
  await cutter?.stop();
});

it('a transaction whose BEGIN loses its connection fails with the lost connection, a database fault, not "already complete"', async () => {
  const em = gw.app.orm.em.fork();
  cutter.armed = true;
  const failure = await transactional(em, (tx) => query(tx, 'select 1 as one')).then(
    () => null,
    (err: unknown) => err,
  );
  expect(cutter.cuts).toBe(1);
  expect(String((failure as Error).message)).not.toMatch(/already complete/);
  expect(databaseFault(failure)).toEqual({ code: 'DATABASE_UNAVAILABLE', reason: 'connection lost' });
  // The pool drops the dead connection: the next transaction works.
  await expect(transactional(gw.app.orm.em.fork(), (tx) => query<{ one: number }>(tx, 'select 1 as one'))).resolves.toEqual([{ one: 1 }]);
});

it('a write whose BEGIN loses its connection answers DATABASE_UNAVAILABLE (retryable), and the retry commits', async () => {
  const c = await createCustomer(gw, crew.rep1, { name: 'Begin Cut Co' });
  cutter.armed = true;
  const cut = await gw.request(PlaceCreditHoldDocument, { customerId: c.id, reason: 'cut' }, crew.finance);
  expect(cutter.cuts).toBe(2);
  expect(cut.errors?.map((e) => [e.extensions?.code, e.extensions?.retryable])).toEqual([['DATABASE_UNAVAILABLE', true]]);
  const retried = await gw.gql(PlaceCreditHoldDocument, { customerId: c.id, reason: 'retried' }, crew.finance);
  expect(retried.placeCreditHold.userErrors).toEqual([]);
  expect(retried.placeCreditHold.customer?.credit).toMatchObject({ onHold: true, holdReason: 'retried' });
});
