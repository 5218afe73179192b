// Shared set-up of the benchmarks: an embedded PostgreSQL in a temporary
// directory and one gateway as a child process (so its memory is its own),
// signed in as a bench admin.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const gatewayRequire = createRequire(join(root, 'apps/gateway/package.json'));
const { startEmbeddedDatabase } = gatewayRequire('./dist/db/embedded-postgres.js');
const { createLogger } = gatewayRequire('./dist/logger.js');

/** The contract's CustomerDashboard page, as the benchmarks send it. */
export const DASHBOARD = `query CustomerDashboard($first: Int!, $after: String) {
  customers(first: $first, after: $after) {
    totalCount
    edges { cursor node { id name owner { id name } contacts { id fullName email phone } credit { limit exposure available status }
      orders(first: 5) { edges { node { id number status orderDate total } } }
      invoices(first: 10, status: [OPEN, PARTIALLY_PAID]) { edges { node { id number dueDate balanceDue overdue } } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** `--name value` from the command line, as a number, or the default. */
export const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
export const rssKiB = async (pid) => Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))[1]);
const freePort = () =>
  new Promise((res) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

/**
 * An embedded PostgreSQL in a temporary directory. With `statements`, it is
 * restarted once with pg_stat_statements loaded and function calls tracked,
 * so a benchmark can count the statements a request costs. With
 * `commitTimestamps`, it records when each transaction committed
 * (pg_xact_commit_timestamp), so a benchmark can time from the commit.
 */
export async function startBenchDatabase({ statements = false, commitTimestamps = false } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-bench-'));
  await chmod(dir, 0o755);
  const log = createLogger('warn');
  let db = await startEmbeddedDatabase(dir, log);
  if (statements || commitTimestamps) {
    const pg = gatewayRequire('pg');
    const c = new pg.Client({ connectionString: db.url() });
    await c.connect();
    if (statements) {
      await c.query("alter system set shared_preload_libraries = 'pg_stat_statements'");
      await c.query("alter system set track_functions = 'all'");
    }
    if (commitTimestamps) await c.query('alter system set track_commit_timestamp = on');
    await c.end();
    await db.stop();
    db = await startEmbeddedDatabase(dir, log);
  }
  return {
    url: db.url(),
    async stop() {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export { freePort };

/**
 * Starts a gateway (a child process) on `databaseUrl`, or on an embedded
 * PostgreSQL of its own; returns its URL, a GraphQL helper, the admin token,
 * the gateway's pid and stop(). `env` overrides the gateway's environment;
 * `checkout` runs the build of another checkout (a baseline to compare with).
 */
export async function startBenchGateway({ databaseUrl, env = {}, checkout = root } = {}) {
  const db = databaseUrl ? null : await startBenchDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  // BENCH_NODE_ARGS: extra Node flags for the gateway, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const gateway = spawn(process.execPath, [...nodeArgs, join(checkout, 'apps/gateway/dist/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl ?? db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: 'bench@tandem.local',
      ADMIN_PASSWORD: 'bench-password',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-32',
      DB_POOL_MAX: '20',
      ALERT_SCAN_INTERVAL_MS: '3600000',
      // Every bench client signs in as the one bench admin: its cost budget would throttle what is measured.
      QUERY_COST_PER_SECOND: '100000000',
      QUERY_COST_BURST: '100000000',
      ...env,
    },
    // The gateway's JSON logs and banner go to this process's stderr; its stdout carries the results.
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  gateway.stdout.pipe(process.stderr);
  await new Promise((res, rej) => {
    gateway.on('exit', (c) => rej(new Error(`gateway exited ${c}`)));
    // Ready when /readyz answers 200 (the port answers 503 while the gateway starts).
    const poll = async () => {
      const ok = await fetch(url.replace(/\/graphql$/, '/readyz')).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) res();
      else if (gateway.exitCode === null) setTimeout(poll, 100);
    };
    poll();
  });
  async function gql(query, variables, token) {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
    const body = await r.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  }
  const admin = (await gql('mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}', { e: 'bench@tandem.local', p: 'bench-password' })).login.token;
  return {
    url,
    gql,
    admin,
    pid: gateway.pid,
    async stop() {
      gateway.kill('SIGTERM');
      await new Promise((r) => gateway.on('exit', r));
      await db?.stop();
    },
  };
}
