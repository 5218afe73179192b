#!/usr/bin/env node
// Alert delivery benchmark (not a test). Starts an embedded PostgreSQL (with
// commit timestamps on) and one or more gateway instances on it (child
// processes, so their memory is measured alone), opens N graphql-ws
// subscribers split over the instances, raises M alerts per second for D
// seconds through the API, and prints:
//   - commit->delivery latency: the alert's transaction commit time
//     (pg_xact_commit_timestamp) to the moment a subscriber received it, both
//     read from this machine's wall clock;
//   - send->delivery latency: from sending the mutation that raised it (an upper bound);
//   - alerts lost and duplicated, mutations refused and their latency;
//   - an HTTP probe ({ me { id } } every 100 ms) on every instance while alerts flow;
//   - gateway RSS per 1000 connections and at its peak, and its CPU;
//   - the event-loop delay of the benchmark's own subscriber processes, to
//     show whether the clients, not the server, are the bottleneck.
//
//   npm run bench:alerts -- [--subscribers 1000] [--rate 20] [--seconds 10] [--instances 1] [--client-procs 2]
//
// The subscribers are lean raw `ws` clients speaking graphql-transport-ws, in
// --client-procs child processes (alert-subscribers.mjs).
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { arg, gatewayRequire, percentile as pct, root, rssKiB as rssKb, sleep, startBenchDatabase, startBenchGateway } from './harness.mjs';

const pg = gatewayRequire('pg');

const N = arg('subscribers', 1000);
const RATE = arg('rate', 20);
const SECONDS = arg('seconds', 10);
const INSTANCES = arg('instances', 1);
const PROCS = arg('client-procs', 2);
const TOTAL = RATE * SECONDS;
const QUERY = 'subscription { alertRaised(kinds: [CREDIT_HOLD]) { id kind customer { id name } } }';

/** CPU time (user + system) of a process, in ms. */
const cpuMs = async (pid) => {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
const fmt = (sorted) => (sorted.length ? `p50 ${pct(sorted, 50).toFixed(1)} ms   p99 ${pct(sorted, 99).toFixed(1)} ms   max ${sorted.at(-1).toFixed(1)} ms` : 'none');

const db = await startBenchDatabase({ commitTimestamps: true });
const gateways = [];
const children = [];
try {
  // One after the other: the first migrates the database and creates the admin.
  for (let i = 0; i < INSTANCES; i++) gateways.push(await startBenchGateway({ databaseUrl: db.url }));
  const { gql, admin } = gateways[0];
  const customers = [];
  for (let i = 0; i < TOTAL; i++) {
    customers.push((await gql('mutation($i:CreateCustomerInput!){createCustomer(input:$i){customer{id}}}', { i: { name: `Bench ${i}` } }, admin)).createCustomer.customer.id);
  }
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const [{ max: firstAlert }] = (await sql.query('select coalesce(max(id), 0)::text as max from alerts')).rows;

  const rssBefore = await Promise.all(gateways.map((g) => rssKb(g.pid)));
  const urls = gateways.map((g) => g.url.replace('http', 'ws'));
  const ask = (child, msg, key) =>
    new Promise((res) => {
      const on = (m) => {
        if (key in m) {
          child.off('message', on);
          res(m[key]);
        }
      };
      child.on('message', on);
      child.send(msg);
    });
  const opened = [];
  for (let p = 0; p < PROCS; p++) {
    const count = Math.floor(N / PROCS) + (p < N % PROCS ? 1 : 0);
    const child = fork(join(root, 'scripts/bench/alert-subscribers.mjs'), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    // Each process spreads its clients over every instance, so the instances share the subscribers evenly.
    opened.push(ask(child, { open: { urls: urls.map((_, i) => urls[(i + p) % urls.length]), token: admin, count, query: QUERY } }, 'opened'));
  }
  await Promise.all(opened);
  await sleep(1000);
  const rssAfter = await Promise.all(gateways.map((g) => rssKb(g.pid)));

  const peakRss = [...rssAfter];
  const sampler = setInterval(async () => {
    for (let i = 0; i < gateways.length; i++) peakRss[i] = Math.max(peakRss[i], await rssKb(gateways[i].pid).catch(() => 0));
  }, 250);
  const probe = { latencies: [], failed: 0 };
  let probing = true;
  const probes = gateways.map(async (g) => {
    while (probing) {
      const t = performance.now();
      await g.gql('{ me { id } }', {}, admin).then(
        () => probe.latencies.push(performance.now() - t),
        () => probe.failed++,
      );
      await sleep(100);
    }
  });

  const cpuBefore = await Promise.all(gateways.map((g) => cpuMs(g.pid)));
  const sentAt = new Map();
  const failed = [];
  const mutationMs = [];
  const started = performance.now();
  const inflight = [];
  for (let i = 0; i < TOTAL; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const id = customers[i];
    const t = performance.now();
    sentAt.set(id, performance.timeOrigin + t);
    // A refused mutation (e.g. DATABASE_BUSY when the event loop stalls) wrote nothing: counted, not awaited for.
    inflight.push(
      gateways[i % INSTANCES].gql('mutation($c:ID!){placeCreditHold(customerId:$c,reason:"bench"){userErrors{code}}}', { c: id }, admin).then(
        () => mutationMs.push(performance.now() - t),
        (err) => failed.push({ id, err: String(err.message).slice(0, 200) }),
      ),
    );
  }
  await Promise.all(inflight);
  const alerts = (
    await sql.query(
      `select id::text, customer_id, extract(epoch from pg_xact_commit_timestamp(xmin)) * 1000 as committed
         from alerts where id > $1::bigint and kind = 'CREDIT_HOLD' order by id`,
      [firstAlert],
    )
  ).rows;
  const commits = Object.fromEntries(alerts.map((a) => [a.id, Number(a.committed)]));
  const sent = Object.fromEntries(alerts.filter((a) => sentAt.has(a.customer_id)).map((a) => [a.id, sentAt.get(a.customer_id)]));
  // Every subscriber has until 15 s after the last mutation to receive everything; what is missing then is lost.
  const deadline = performance.now() + 15_000;
  const received = async () => (await Promise.all(children.map((c) => ask(c, { progress: true }, 'progress')))).reduce((a, b) => a + b, 0);
  while (performance.now() < deadline && (await received()) < N * alerts.length) await sleep(100);
  const cpuAfter = await Promise.all(gateways.map((g) => cpuMs(g.pid)));
  const window = (performance.now() - started) / 1000;
  probing = false;
  await Promise.all(probes);
  clearInterval(sampler);

  const reports = await Promise.all(children.map((c) => ask(c, { report: { commits, sent } }, 'report')));
  const latencies = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const fromSend = reports.flatMap((r) => r.fromSend).sort((a, b) => a - b);
  const lost = reports.reduce((s, r) => s + r.lost, 0);
  const duplicates = reports.reduce((s, r) => s + r.duplicates, 0);
  const closes = {};
  for (const r of reports) for (const [code, n] of Object.entries(r.closes)) closes[code] = (closes[code] ?? 0) + n;
  mutationMs.sort((a, b) => a - b);
  probe.latencies.sort((a, b) => a - b);

  console.log(
    JSON.stringify({
      subscribers: N,
      instances: INSTANCES,
      clientProcesses: PROCS,
      alertsPerSecond: RATE,
      seconds: SECONDS,
      alertsRaised: TOTAL,
      alertsCommitted: alerts.length,
      deliveries: latencies.length,
    }),
  );
  console.log(`latency commit->delivery  ${fmt(latencies)}`);
  console.log(`latency send->delivery    ${fmt(fromSend)}`);
  console.log(`alerts lost               ${lost}   duplicates ${duplicates}`);
  console.log(`mutations refused         ${failed.length} of ${TOTAL}${failed.length ? ` (first: ${failed[0].err})` : ''}`);
  console.log(`mutation latency          ${fmt(mutationMs)}`);
  console.log(`http probe { me }         ${fmt(probe.latencies)}   failed ${probe.failed}`);
  console.log(`subscribers closed early  ${JSON.stringify(closes)}`);
  const fanOuts = await Promise.all(
    gateways.map(async (g) => {
      const text = await fetch(g.url.replace(/\/graphql$/, '/metrics')).then((r) => r.text());
      const read = (name) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
      return { count: read('tandem_alert_fanout_seconds_count'), sum: read('tandem_alert_fanout_seconds_sum'), within100: read('tandem_alert_fanout_seconds_bucket\\{le="0.1"\\}') };
    }),
  );
  gateways.forEach((_, i) => {
    const perK = (((rssAfter[i] - rssBefore[i]) / 1024 / (N / INSTANCES)) * 1000).toFixed(1);
    const cpu = (((cpuAfter[i] - cpuBefore[i]) / 1000 / window) * 100).toFixed(0);
    console.log(
      `gateway ${i + 1} fan-out         ${fanOuts[i].count} batches, mean ${((fanOuts[i].sum / fanOuts[i].count) * 1000).toFixed(1)} ms, ${((fanOuts[i].within100 / fanOuts[i].count) * 100).toFixed(0)} % within 100 ms\n` +
        `gateway ${i + 1} memory, CPU     ${perK} MiB RSS per 1000 subscribed connections (${(rssBefore[i] / 1024).toFixed(0)} -> ${(rssAfter[i] / 1024).toFixed(0)} MiB, peak ${(peakRss[i] / 1024).toFixed(0)} MiB); CPU ${cpu} % of a core`,
    );
  });
  console.log(
    `bench client processes    ${reports.map((r) => `event-loop delay p99 ${r.loopDelayMs.p99.toFixed(0)} ms max ${r.loopDelayMs.max.toFixed(0)} ms, CPU ${r.cpuPercent.toFixed(0)} %`).join('; ')}`,
  );
  await sql.end();
} finally {
  for (const c of children) if (c.exitCode === null) c.kill();
  for (const g of gateways) await g.stop();
  await db.stop();
}
