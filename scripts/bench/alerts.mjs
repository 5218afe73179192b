#!/usr/bin/env node
// Alert delivery benchmark (not a test). Starts an embedded PostgreSQL and one
// gateway instance (a child process, so its memory is measured alone), opens N
// graphql-ws subscribers, raises M alerts per second for D seconds through the
// API, and prints latency percentiles, alerts lost and gateway memory per 1000
// connections.
//
//   npm run bench:alerts -- [--subscribers 1000] [--rate 20] [--seconds 10]
//
// Latency is measured from the moment the client sends the mutation that raises
// an alert to the moment a subscriber receives it: an upper bound on
// commit-to-delivery (it includes the mutation's own work before its commit).
import { arg, gatewayRequire, percentile as pct, rssKiB as rssKb, sleep, startBenchGateway } from './harness.mjs';

const { createClient } = gatewayRequire('graphql-ws');
const WebSocket = gatewayRequire('ws');

const N = arg('subscribers', 1000);
const RATE = arg('rate', 20);
const SECONDS = arg('seconds', 10);
const TOTAL = RATE * SECONDS;

const { url, gql, admin, pid, stop } = await startBenchGateway();
try {
  const customers = [];
  for (let i = 0; i < TOTAL; i++) {
    customers.push((await gql('mutation($i:CreateCustomerInput!){createCustomer(input:$i){customer{id}}}', { i: { name: `Bench ${i}` } }, admin)).createCustomer.customer.id);
  }

  const rssBefore = await rssKb(pid);
  const received = Array.from({ length: N }, () => new Map());
  const clients = [];
  let connected = 0;
  for (let s = 0; s < N; s++) {
    const client = createClient({
      url: url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${admin}` },
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    client.on('connected', () => connected++);
    client.subscribe(
      { query: 'subscription { alertRaised(kinds: [CREDIT_HOLD]) { id kind customer { id name } } }' },
      {
        next: (r) => r.data && received[s].set(r.data.alertRaised.customer.id, performance.now()),
        error: (e) => console.error('subscriber error', e),
        complete: () => undefined,
      },
    );
    clients.push(client);
  }
  while (connected < N) await sleep(50);
  await sleep(1000);
  const rssAfter = await rssKb(pid);

  const sentAt = new Map();
  const failed = [];
  const started = performance.now();
  const inflight = [];
  for (let i = 0; i < TOTAL; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const id = customers[i];
    sentAt.set(id, performance.now());
    // A refused mutation (e.g. DATABASE_BUSY when the event loop stalls) wrote nothing: counted, not awaited for.
    inflight.push(
      gql('mutation($c:ID!){placeCreditHold(customerId:$c,reason:"bench"){userErrors{code}}}', { c: id }, admin).then(
        () => undefined,
        (err) => failed.push({ id, err: String(err.message).slice(0, 200) }),
      ),
    );
  }
  await Promise.all(inflight);
  const deadline = performance.now() + 15_000;
  const expected = TOTAL - failed.length;
  while (performance.now() < deadline && received.some((m) => m.size < expected)) await sleep(100);

  const latencies = [];
  let lost = 0;
  for (const m of received) {
    lost += expected - m.size;
    for (const [id, at] of m) latencies.push(at - sentAt.get(id));
  }
  latencies.sort((a, b) => a - b);
  console.log(JSON.stringify({ subscribers: N, alertsPerSecond: RATE, seconds: SECONDS, alertsRaised: TOTAL, deliveries: latencies.length }));
  console.log(`latency send->delivery  p50 ${pct(latencies, 50).toFixed(1)} ms   p99 ${pct(latencies, 99).toFixed(1)} ms   max ${latencies.at(-1).toFixed(1)} ms`);
  console.log(`alerts lost             ${lost}`);
  console.log(`mutations refused       ${failed.length} of ${TOTAL}${failed.length ? ` (first: ${failed[0].err})` : ''}`);
  console.log(
    `gateway memory          ${(((rssAfter - rssBefore) / 1024 / N) * 1000).toFixed(1)} MiB RSS per 1000 subscribed connections (${(rssBefore / 1024).toFixed(0)} -> ${(rssAfter / 1024).toFixed(0)} MiB)`,
  );
  await Promise.all(clients.map((c) => c.dispose()));
} finally {
  await stop();
}
