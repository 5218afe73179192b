#!/usr/bin/env node
// The write-side ceiling of the alert outbox (not a test): how many
// alert-writing transactions per second one PostgreSQL commits. Each
// transaction does what alert-writer.ts does last in every alert-raising
// mutation — the outbox's advisory lock (which serialises alert writers until
// they commit), the insert, and pg_notify (which takes a global lock at
// commit) — from C concurrent connections for D seconds, with one gateway
// LISTENing and reading every alert as in production. A mutation's own work
// before the lock runs in parallel; this part cannot, so it bounds the rate of
// alert-raising mutations whatever the gateways do.
//
//   node scripts/bench/outbox.mjs [--seconds 5] [--clients 1,4,16]
import { arg, gatewayRequire, percentile as pct, startBenchDatabase, startBenchGateway } from './harness.mjs';

const pg = gatewayRequire('pg');
const SECONDS = arg('seconds', 5);
const i = process.argv.indexOf('--clients');
const CLIENTS = (i > 0 ? process.argv[i + 1] : '1,4,16').split(',').map(Number);

const db = await startBenchDatabase();
let gateway;
try {
  // Migrates the database and listens for alerts like any instance.
  gateway = await startBenchGateway({ databaseUrl: db.url });
  for (const c of CLIENTS) {
    const clients = await Promise.all(
      Array.from({ length: c }, async () => {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        return client;
      }),
    );
    const latencies = [];
    let n = 0;
    const end = performance.now() + SECONDS * 1000;
    await Promise.all(
      clients.map(async (client, k) => {
        while (performance.now() < end) {
          const t = performance.now();
          await client.query('begin');
          await client.query(`select pg_advisory_xact_lock(hashtext('tandem:alerts'))`);
          const { rows } = await client.query(
            `insert into alerts (kind, severity, message, audience_roles, audience_user_ids, event_key, created_at)
             values ('CREDIT_HOLD', 'WARNING', 'outbox ceiling', '{ADMIN}', '{}', $1, now()) returning id`,
            [`outbox-${c}-${k}-${n++}`],
          );
          await client.query('select pg_notify($1, $2)', ['tandem_alerts', String(rows[0].id)]);
          await client.query('commit');
          latencies.push(performance.now() - t);
        }
      }),
    );
    await Promise.all(clients.map((cl) => cl.end()));
    latencies.sort((a, b) => a - b);
    console.log(
      `${String(c).padStart(3)} connections: ${(latencies.length / SECONDS).toFixed(0)} alert transactions/s committed   p50 ${pct(latencies, 50).toFixed(1)} ms   p99 ${pct(latencies, 99).toFixed(1)} ms`,
    );
  }
} finally {
  await gateway?.stop();
  await db.stop();
}
