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
import { spawn } from 'node:child_process';
import { mkdtemp, rm, chmod, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'apps/gateway/package.json'));
const { startEmbeddedDatabase } = require('./dist/db/embedded-postgres.js');
const { createLogger } = require('./dist/logger.js');
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('subscribers', 1000);
const RATE = arg('rate', 20);
const SECONDS = arg('seconds', 10);
const TOTAL = RATE * SECONDS;

const freePort = () => new Promise((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); }); });
const rssKb = async (pid) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))[1]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const dir = await mkdtemp(join(tmpdir(), 'tandem-bench-'));
await chmod(dir, 0o755);
const db = await startEmbeddedDatabase(dir, createLogger('warn'));
const port = await freePort();
const url = `http://127.0.0.1:${port}/graphql`;
const gateway = spawn(process.execPath, [join(root, 'apps/gateway/dist/main.js')], {
  env: { ...process.env, DATABASE_URL: db.url(), PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: '0', LOG_LEVEL: 'warn', ADMIN_EMAIL: 'bench@tandem.local', ADMIN_PASSWORD: 'bench-password', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-32', DB_POOL_MAX: '20', ALERT_SCAN_INTERVAL_MS: '3600000' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((res, rej) => {
  gateway.stdout.on('data', (d) => String(d).includes('Tandem GraphQL API') && res());
  gateway.on('exit', (c) => rej(new Error(`gateway exited ${c}`)));
});

async function gql(query, variables, token) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  const body = await r.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

try {
  const admin = (await gql('mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}', { e: 'bench@tandem.local', p: 'bench-password' })).login.token;
  const customers = [];
  for (let i = 0; i < TOTAL; i++) {
    customers.push((await gql('mutation($i:CreateCustomerInput!){createCustomer(input:$i){customer{id}}}', { i: { name: `Bench ${i}` } }, admin)).createCustomer.customer.id);
  }

  const rssBefore = await rssKb(gateway.pid);
  const received = Array.from({ length: N }, () => new Map());
  const clients = [];
  let connected = 0;
  for (let s = 0; s < N; s++) {
    const client = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${admin}` }, lazy: false, retryAttempts: 0, onNonLazyError: () => undefined });
    client.on('connected', () => connected++);
    client.subscribe({ query: 'subscription { alertRaised(kinds: [CREDIT_HOLD]) { id kind customer { id name } } }' }, {
      next: (r) => r.data && received[s].set(r.data.alertRaised.customer.id, performance.now()),
      error: (e) => console.error('subscriber error', e),
      complete: () => undefined,
    });
    clients.push(client);
  }
  while (connected < N) await sleep(50);
  await sleep(1000);
  const rssAfter = await rssKb(gateway.pid);

  const sentAt = new Map();
  const started = performance.now();
  const inflight = [];
  for (let i = 0; i < TOTAL; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const id = customers[i];
    sentAt.set(id, performance.now());
    inflight.push(gql('mutation($c:ID!){placeCreditHold(customerId:$c,reason:"bench"){userErrors{code}}}', { c: id }, admin));
  }
  await Promise.all(inflight);
  const deadline = performance.now() + 15_000;
  while (performance.now() < deadline && received.some((m) => m.size < TOTAL)) await sleep(100);

  const latencies = [];
  let lost = 0;
  for (const m of received) {
    lost += TOTAL - m.size;
    for (const [id, at] of m) latencies.push(at - sentAt.get(id));
  }
  latencies.sort((a, b) => a - b);
  console.log(JSON.stringify({ subscribers: N, alertsPerSecond: RATE, seconds: SECONDS, alertsRaised: TOTAL, deliveries: latencies.length }));
  console.log(`latency send->delivery  p50 ${pct(latencies, 50).toFixed(1)} ms   p99 ${pct(latencies, 99).toFixed(1)} ms   max ${latencies.at(-1).toFixed(1)} ms`);
  console.log(`alerts lost             ${lost}`);
  console.log(`gateway memory          ${((rssAfter - rssBefore) / 1024 / N * 1000).toFixed(1)} MiB RSS per 1000 subscribed connections (${(rssBefore / 1024).toFixed(0)} -> ${(rssAfter / 1024).toFixed(0)} MiB)`);
  await Promise.all(clients.map((c) => c.dispose()));
} finally {
  gateway.kill('SIGTERM');
  await new Promise((r) => gateway.on('exit', r));
  await db.stop();
  await rm(dir, { recursive: true, force: true });
}
