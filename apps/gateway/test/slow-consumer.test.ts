import type { Socket } from 'node:net';
import { Client } from 'pg';
import WebSocket from 'ws';
import { SLOW_CONSUMER_CLOSE } from '../src/graphql/ws-result-sink';
import { ADMIN, startTestGateway, type TestGateway } from './support/test-app';
import { until } from './support/until';

/**
 * A subscriber that stops reading while alerts flow is dropped once more than
 * WS_MAX_BUFFERED_BYTES wait unsent on its socket (the gateway's memory stays
 * bounded), sees the close code that says so, and resumes with `after`
 * without losing or repeating an alert; a subscriber that keeps reading is
 * not disturbed. Real sockets: raw `ws` clients speaking graphql-transport-ws.
 */
let gw: TestGateway;
let token: string;

beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000', WS_MAX_BUFFERED_BYTES: '16384' });
  token = await gw.login(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await gw?.stop();
});

const QUERY = 'subscription($after: ID) { alertRaised(after: $after) { id message } }';

/** A raw graphql-ws subscriber: the ids it received in order, and how its socket closed. */
async function subscriber(after?: string) {
  const ws = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
  const ids: string[] = [];
  const closed: { code?: number; reason?: string } = {};
  const acked = new Promise<void>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString()) as { type: string; payload?: { data?: { alertRaised: { id: string } }; errors?: unknown } };
      if (msg.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: 'alerts', type: 'subscribe', payload: { query: QUERY, variables: after ? { after } : {} } }));
        resolve();
      } else if (msg.type === 'next' && msg.payload?.data) ids.push(msg.payload.data.alertRaised.id);
      else if (msg.type !== 'ping') reject(new Error(`unexpected message ${data.toString().slice(0, 200)}`));
    });
    ws.on('error', reject);
  });
  ws.on('close', (code: number, reason: Buffer) => Object.assign(closed, { code, reason: reason.toString() }));
  await acked;
  return { ws, ids, closed, net: (ws as unknown as { _socket: Socket })._socket };
}

it('drops a subscriber that stops reading and lets it resume with after, nothing lost or repeated', async () => {
  const hub = gw.app.services.alertHub;
  const fast = await subscriber();
  const slow = await subscriber();
  await until(() => hub.subscriberCount() === 2, 'both subscriptions to be registered');
  // The slow one stops reading: the kernel's buffers fill, then the gateway's send buffer for it.
  slow.net.pause();

  // 3000 alerts of about 2 KB (6 MB) in one outbox transaction: far more than the socket buffers hold.
  const sql = new Client({ connectionString: gw.databaseUrl });
  await sql.connect();
  let all: string[];
  try {
    const rows = await sql.query<{ id: string }>(
      `with a as (
         insert into alerts (kind, severity, message, audience_roles, audience_user_ids, event_key, created_at)
         select 'CREDIT_HOLD', 'WARNING', 'slow consumer ' || i || ' ' || repeat('x', 2000), '{ADMIN}', '{}', 'slow-consumer-' || i, now()
           from generate_series(1, 3000) i
         returning id)
       select id::text from a order by a.id`,
    );
    all = rows.rows.map((r) => r.id);
    await sql.query(`select pg_notify('tandem_alerts', $1)`, [all[all.length - 1]]);
  } finally {
    await sql.end();
  }

  await until(() => fast.ids.length === all.length, 'the reading subscriber to get every alert', 30_000);
  expect(fast.ids).toEqual(all);
  expect(fast.closed.code).toBeUndefined();

  // The slow one reads again: what was sent before the drop, then the close that says why.
  slow.net.resume();
  await until(() => slow.closed.code !== undefined, 'the slow subscriber to be closed', 30_000);
  expect(slow.closed).toEqual({ code: SLOW_CONSUMER_CLOSE.code, reason: SLOW_CONSUMER_CLOSE.reason });
  expect(slow.ids.length).toBeLessThan(all.length);
  expect(slow.ids).toEqual(all.slice(0, slow.ids.length));

  // It resumes after the last alert it got and receives the rest, oldest first, once each.
  const resumed = await subscriber(slow.ids.at(-1) ?? String(BigInt(all[0]) - 1n));
  await until(() => slow.ids.length + resumed.ids.length >= all.length, 'the resumed subscriber to catch up', 30_000);
  expect([...slow.ids, ...resumed.ids]).toEqual(all);
  resumed.ws.close();
  fast.ws.close();
}, 90_000);
