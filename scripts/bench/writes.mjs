#!/usr/bin/env node
// confirmOrder throughput (a benchmark, not a test): one production-mode
// gateway on an embedded PostgreSQL, C customers with credit limits below what
// their draft orders add up to, and `--clients` concurrent callers confirming
// every draft at once. Prints confirmations per second, latency percentiles,
// how many were refused for credit, and the violations found afterwards from
// raw rows (a customer whose confirmed exposure passes its limit, a product with
// more reserved than on hand): the target is 0 of either.
//
//   npm run bench:writes -- [--customers 100] [--orders 30] [--clients 50] [--pool 20] [--workers 1] [--waits 1] [--statements 1]
//
// --waits 1 samples pg_stat_activity every 20 ms while confirming and prints
// what the active backends were waiting on (lock waits, WAL flush, client
// reads); --statements 1 loads pg_stat_statements and prints the statements
// the confirmations ran, per confirmation, by kind.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { arg, gatewayRequire, percentile as pct, root, startBenchDatabase, startBenchGateway } from './harness.mjs';

const MAIN_JS = join(root, 'apps/gateway/dist/main.js');
const CUSTOMERS = arg('customers', 100);
const ORDERS = arg('orders', 30);
const CLIENTS = arg('clients', 50);
const POOL = arg('pool', 20);
const WORKERS = arg('workers', 1);
const WAITS = arg('waits', 0) > 0;
const STATEMENTS = arg('statements', 0) > 0;

/**
 * CPU seconds (user + system) used so far by this benchmark's gateway (its
 * main.js and any cluster workers), by its PostgreSQL (the postmaster on its
 * port and that postmaster's children), and by this process. Other processes
 * on the machine (another gateway, a test database) are not counted.
 */
async function cpuSeconds(dbPort) {
  const procs = [];
  for (const pid of (await readdir('/proc')).filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
      const f = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
      procs.push({ pid, ppid: f[1], cmd, ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const postmasters = new Set(procs.filter((p) => p.cmd.includes('/bin/postgres') && p.cmd.includes(`-p ${dbPort} `)).map((p) => p.pid));
  const sum = (ps) => ps.reduce((s, p) => s + p.ticks, 0) / 100;
  const self = process.cpuUsage();
  return {
    gateway: sum(procs.filter((p) => p.cmd.includes(MAIN_JS))),
    postgres: sum(procs.filter((p) => postmasters.has(p.pid) || postmasters.has(p.ppid))),
    bench: (self.user + self.system) / 1e6,
  };
}

const db = await startBenchDatabase({ statements: STATEMENTS });
const gw = await startBenchGateway({ databaseUrl: db.url, env: { NODE_ENV: 'production', CORS_ORIGINS: 'http://127.0.0.1', DB_POOL_MAX: String(POOL), CLUSTER_WORKERS: String(WORKERS) } });
const { gql, admin } = gw;
try {
  const products = [];
  for (let p = 0; p < 10; p++)
    products.push(
      (
        await gql(
          'mutation($i:CreateProductInput!){createProduct(input:$i){product{id}}}',
          { i: { sku: `W-${p}`, name: `Write ${p}`, unitPrice: '10.00', taxRate: '0.2', initialStock: 1000000 } },
          admin,
        )
      ).createProduct.product.id,
    );
  // Each order is 12.00 × (1..4) ≤ 48.00; ORDERS of them would need about 30 × 30 = 900: a limit of 600 refuses some under contention.
  const drafts = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const id = (await gql('mutation($i:CreateCustomerInput!){createCustomer(input:$i){customer{id}}}', { i: { name: `Write Customer ${c}` } }, admin)).createCustomer.customer.id;
    await gql('mutation($c:ID!,$l:Decimal){setCreditLimit(customerId:$c,limit:$l){userErrors{code}}}', { c: id, l: '600.00' }, admin);
    for (let o = 0; o < ORDERS; o++) {
      const lines = [
        { productId: products[(c + o) % products.length], quantity: 1 + (o % 4) },
        { productId: products[(c + o + 3) % products.length], quantity: 1 },
      ];
      drafts.push((await gql('mutation($i:CreateOrderInput!){createOrder(input:$i){order{id}}}', { i: { customerId: id, lines } }, admin)).createOrder.order.id);
    }
  }
  // Interleave customers so that concurrent confirmations contend for the same customers and products.
  drafts.sort((a, b) => a.localeCompare(b));
  const outcomes = { confirmed: 0, refusedForCredit: 0, otherRefusal: 0, errors: 0 };
  const latencies = [];
  let next = 0;
  const pg = gatewayRequire('pg');
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  if (STATEMENTS) {
    await sql.query('create extension if not exists pg_stat_statements');
    await sql.query('select pg_stat_statements_reset()');
  }
  // Wait sampling: what each active gateway backend is doing, every 20 ms, while the confirmations run.
  const waits = new Map();
  let samples = 0;
  let sampling = WAITS;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await sql.query(
        `select coalesce(wait_event_type || ':' || wait_event, 'CPU') as w, count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' and state <> 'idle' group by 1`,
      );
      samples++;
      for (const r of rows) waits.set(r.w, (waits.get(r.w) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const dbPort = new URL(db.url).port;
  const cpuBefore = await cpuSeconds(dbPort);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < drafts.length) {
        const id = drafts[next++];
        const t0 = performance.now();
        try {
          const r = (await gql('mutation($id:ID!){confirmOrder(id:$id){order{status} userErrors{code}}}', { id }, admin)).confirmOrder;
          if (r.order?.status === 'CONFIRMED') outcomes.confirmed++;
          else if (r.userErrors[0]?.code === 'CREDIT_LIMIT_EXCEEDED') outcomes.refusedForCredit++;
          else outcomes.otherRefusal++;
        } catch {
          outcomes.errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await cpuSeconds(dbPort);
  sampling = false;
  await sampler;
  latencies.sort((a, b) => a - b);
  const statementRows = STATEMENTS
    ? (
        await sql.query(`select calls::int as calls, round(total_exec_time)::int as ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) as q
           from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) order by calls desc, total_exec_time desc limit 25`)
      ).rows
    : [];

  // Violations, from raw rows: confirmed orders' totals per customer over its limit; reservations over stock.
  const overLimit = (
    await sql.query(`select count(*)::int as n from customers c
       where c.credit_limit is not null and c.name like 'Write Customer %'
         and (select coalesce(sum(o.total), 0) from orders o where o.customer_id = c.id and o.status = 'CONFIRMED') > c.credit_limit`)
  ).rows[0].n;
  const overReserved = (await sql.query(`select count(*)::int as n from products where reserved > on_hand`)).rows[0].n;
  await sql.end();

  console.log(JSON.stringify({ customers: CUSTOMERS, drafts: drafts.length, clients: CLIENTS, pool: POOL, workers: WORKERS, ...outcomes }));
  console.log(`throughput   ${(drafts.length / seconds).toFixed(0)} confirmOrder/s (${seconds.toFixed(1)} s for ${drafts.length})`);
  console.log(`latency      p50 ${pct(latencies, 50).toFixed(1)} ms   p99 ${pct(latencies, 99).toFixed(1)} ms`);
  console.log(`violations   ${overLimit} customers over their limit, ${overReserved} products with more reserved than on hand`);
  // A postgres backend that ended during the run would be missed (none do: the pool keeps its connections).
  const cpu = Object.fromEntries(Object.keys(cpuAfter).map((k) => [k, (cpuAfter[k] - cpuBefore[k]) * 1000]));
  console.log(
    `cpu          per confirmation: gateway ${(cpu.gateway / drafts.length).toFixed(2)} ms, postgres ${(cpu.postgres / drafts.length).toFixed(2)} ms, this client ${(cpu.bench / drafts.length).toFixed(2)} ms; ` +
      `busy ${((cpu.gateway + cpu.postgres + cpu.bench) / 10 / seconds).toFixed(0)} % of one core (gateway ${(cpu.gateway / 10 / seconds).toFixed(0)} %)`,
  );
  if (WAITS) {
    console.log(`waits        active backends on average, ${samples} samples (CPU: active, not waiting)`);
    for (const [w, n] of [...waits].sort((a, b) => b[1] - a[1])) console.log(`  ${(n / samples).toFixed(2).padStart(6)}  ${w}`);
  }
  if (STATEMENTS) {
    console.log(`statements   per confirmation (${drafts.length}), the most frequent`);
    for (const r of statementRows) console.log(`  ${(r.calls / drafts.length).toFixed(2).padStart(6)}  ${String(r.ms).padStart(6)} ms  ${r.q}`);
  }
} finally {
  await gw.stop();
  await db.stop();
}
