#!/usr/bin/env node
// The performance race (a benchmark, not a test): Tandem, PostGraphile v5 and
// a hand-written single-SQL floor serve the contract's CustomerDashboard page
// from one PostgreSQL holding one deterministic book.
//
// 1. seeds the book straight into PostgreSQL (scripts/bench/race/seed-book.mjs);
// 2. starts Tandem (production mode), PostGraphile (Node 22, bench-only, from
//    scripts/bench/race/node_modules, installed on first run) and the floor;
// 3. checks that all three return the same data for every page, and that
//    Tandem's rep and manager see what the floor computes for their scope;
// 4. counts SQL statements per request (pg_stat_statements);
// 5. times interleaved rounds at 10 and 50 clients (autocannon) and samples
//    Tandem's RSS; prints a table and the ratios.
//
//   npm run bench:race -- [--customers 3000] [--seconds 20] [--rounds 3] [--first 50]
//                         [--only Tandem,baseline] [--workers 2] [--baseline <checkout>]
// --baseline: also time the built gateway of another checkout (e.g. a git
// worktree of the commit before a lever) in the same interleaved rounds, so a
// lever is weighed against what it replaces under the same load on the machine.
// --variant name:KEY=value,KEY=value (repeatable): also time this build with
// that environment, e.g. --variant q2:HTTP_MAX_CONCURRENT_QUERIES=2.
// DATABASE_URL: an external, empty database to use instead of an embedded one
// (statements are counted only when pg_stat_statements is loaded there).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { arg, DASHBOARD, freePort, gatewayRequire, root, rssKiB, sleep, startBenchDatabase, startBenchGateway } from './harness.mjs';
import { BOOK_COUNTS_SQL, seedBookSql } from './race/seed-book.mjs';
import { POSTGRAPHILE_FUNCTIONS_SQL } from './race/race-sql.mjs';

const CUSTOMERS = arg('customers', 3000);
const SECONDS = arg('seconds', 20);
const ROUNDS = arg('rounds', 3);
const FIRST = arg('first', 50);
// --workers N: also time Tandem with CLUSTER_WORKERS=N (0: not)
const WORKERS = arg('workers', 2);
const CLIENTS = [10, 50];
// --only Tandem (or PostGraphile, floor): time only those, e.g. to weigh one lever quickly
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : null;
const BASELINE = process.argv.includes('--baseline') ? process.argv[process.argv.indexOf('--baseline') + 1] : null;
const VARIANTS = process.argv
  .flatMap((a, i) => (a === '--variant' ? [process.argv[i + 1]] : []))
  .map((v) => {
    const [name, env = ''] = v.split(':');
    return {
      name,
      env: Object.fromEntries(
        env
          .split(',')
          .filter(Boolean)
          .map((kv) => kv.split('=')),
      ),
    };
  });
const raceDir = join(root, 'scripts/bench/race');
const say = (...a) => console.error('[race]', ...a);

// ---- the rivals' packages (bench-only, outside the product's workspace)
if (!existsSync(join(raceDir, 'node_modules/postgraphile')) || !existsSync(join(raceDir, 'node_modules/.bin/node'))) {
  say('installing the bench-only rivals (PostGraphile 5, Node 22, autocannon) into scripts/bench/race/node_modules');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: raceDir, stdio: ['ignore', 2, 2] });
}
const raceRequire = createRequire(join(raceDir, 'package.json'));
const autocannon = raceRequire('autocannon');
const node22 = join(raceDir, 'node_modules/.bin/node');
const pg = gatewayRequire('pg');
const { hash } = gatewayRequire('@node-rs/argon2');

/** CPU time (user + system) a process has used, in ms, from /proc (clock ticks of 10 ms). */
const cpuOf = async (pid) => {
  const f = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
/** A process and its children (a cluster's workers). */
const family = async (pid) => [pid, ...(await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).split(' ').filter(Boolean).map(Number)];
const sumOver = async (pid, f) => (await Promise.all((await family(pid)).map((p) => f(p).catch(() => 0)))).reduce((a, b) => a + b, 0);
const cpuMs = (pid) => sumOver(pid, cpuOf);
const familyRssKiB = (pid) => sumOver(pid, rssKiB);
const children = [];
let db;
let tandem;
let tandemCluster;
let tandemBaseline;
const tandemVariants = [];
let sql;
async function cleanup() {
  await sql?.end().catch(() => undefined);
  await tandemCluster?.stop();
  await tandemBaseline?.stop();
  for (const v of tandemVariants) await v.gateway.stop();
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null)));
  await tandem?.stop();
  if (!process.env.DATABASE_URL) await db?.stop();
}

try {
  db = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : await startBenchDatabase({ statements: true });
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();

  // ---- Tandem first: its migrations make the tables
  tandem = await startBenchGateway({
    databaseUrl: db.url,
    env: { NODE_ENV: 'production', CORS_ORIGINS: 'http://127.0.0.1', LOG_LEVEL: 'warn' },
  });
  const adminId = (await sql.query(`select id from users where email = 'bench@tandem.local'`)).rows[0].id;

  // ---- users and the book
  const password = 'race-password';
  const passwordHash = await hash(password);
  const staff = [
    ...Array.from({ length: 8 }, (_, i) => ({ email: `rep${i + 1}@race.example`, name: `Race Rep ${i + 1}`, role: 'SALES_REP' })),
    { email: 'manager@race.example', name: 'Race Manager', role: 'SALES_MANAGER' },
    { email: 'finance@race.example', name: 'Race Finance', role: 'FINANCE' },
  ];
  for (const u of staff)
    await sql.query(`insert into users (id, email, name, role, password_hash, created_at, active) values (md5($1)::uuid, $1, $2, $3, $4, now(), true) on conflict do nothing`, [
      u.email,
      u.name,
      u.role,
      passwordHash,
    ]);
  const reps = (await sql.query(`select id from users where role = 'SALES_REP' and email like '%@race.example' order by email`)).rows.map((r) => r.id);
  const t0 = performance.now();
  await sql.query(seedBookSql({ customers: CUSTOMERS, reps, creator: adminId }));
  // The seed updates every order and most invoices once: without a vacuum their indexes lead through dead rows.
  await sql.query('vacuum analyze');
  const book = (await sql.query(BOOK_COUNTS_SQL)).rows[0];
  say(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s:`, JSON.stringify(book));
  await sql.query(POSTGRAPHILE_FUNCTIONS_SQL);
  const canCount = (await sql.query(`select count(*)::int as n from pg_settings where name = 'shared_preload_libraries' and setting like '%pg_stat_statements%'`)).rows[0].n > 0;
  if (canCount) await sql.query('create extension if not exists pg_stat_statements');
  else say('pg_stat_statements is not loaded on this database: statements are not counted');

  // ---- the rivals
  async function startChild(name, cmd, args) {
    const port = await freePort();
    const child = spawn(cmd, args, { env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    child.stdout.pipe(process.stderr);
    const url = `http://127.0.0.1:${port}/graphql`;
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`${name} exited ${child.exitCode}`);
      const up = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' }).then(
        () => true,
        () => false,
      );
      if (up) return { url, pid: child.pid };
      if (i > 600) throw new Error(`${name} did not answer within 60 s`);
      await sleep(100);
    }
  }
  const pgl = await startChild('PostGraphile', node22, [join(raceDir, 'postgraphile-server.mjs')]);
  const floor = await startChild('floor', process.execPath, [join(raceDir, 'floor-server.mjs')]);

  // ---- the three ways to ask for page k
  const post = async (url, body, token) => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const json = await r.json();
    if (r.status !== 200 || json.errors) throw new Error(`${url}: HTTP ${r.status} ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
    return json.data;
  };
  const login = async (email, pw) => (await post(tandem.url, { query: 'mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}', variables: { e: email, p: pw } })).login.token;
  const tokens = { ADMIN: tandem.admin, SALES_REP: await login('rep1@race.example', password), SALES_MANAGER: await login('manager@race.example', password) };

  const idField = (await post(pgl.url, { query: '{ __type(name: "Customer") { fields { name } } }' })).__type.fields.some((f) => f.name === 'rowId') ? 'rowId' : 'id';
  const PGL_QUERY = `query CustomerDashboard($first: Int!, $offset: Int!) {
  allCustomers(first: $first, offset: $offset, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) {
    totalCount
    edges { cursor node { ${idField} name userByOwnerId { ${idField} name }
      contactsByCustomerId(orderBy: [LAST_NAME_ASC, FIRST_NAME_ASC, PRIMARY_KEY_ASC]) { nodes { ${idField} fullName email phone } }
      credit { limit exposure available status }
      ordersByCustomerId(first: 5, orderBy: [ORDER_DATE_DESC, NUMBER_DESC]) { nodes { ${idField} number status orderDate total } }
      openInvoices(first: 10) { nodes { ${idField} number dueDate balanceDue overdue } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
  const bodies = {
    tandem: (cursor) => ({ query: DASHBOARD, variables: { first: FIRST, after: cursor } }),
    pgl: (k) => ({ query: PGL_QUERY, variables: { first: FIRST, offset: k * FIRST } }),
    floor: (k, owner = null) => ({ page: k, owner, first: FIRST }),
  };

  // ---- one canonical form: money to 2 places, exactly, as strings
  const money = (s) => {
    if (s === null || s === undefined) return null;
    const [i, f = ''] = String(s).split('.');
    return `${i}.${f.padEnd(2, '0')}`;
  };
  const canonical = (c) => ({
    totalCount: c.totalCount,
    hasNextPage: c.pageInfo.hasNextPage,
    customers: c.edges.map(({ node: n }) => ({
      id: n.id ?? n.rowId,
      name: n.name,
      owner: (({ id, rowId, name }) => ({ id: id ?? rowId, name }))(n.owner ?? n.userByOwnerId),
      contacts: (n.contacts ?? n.contactsByCustomerId.nodes).map((k) => ({ id: k.id ?? k.rowId, fullName: k.fullName, email: k.email, phone: k.phone })),
      credit: { limit: money(n.credit.limit), exposure: money(n.credit.exposure), available: money(n.credit.available), status: n.credit.status },
      orders: (n.orders?.edges.map((e) => e.node) ?? n.ordersByCustomerId.nodes).map((o) => ({
        id: o.id ?? o.rowId,
        number: o.number,
        status: o.status,
        orderDate: o.orderDate,
        total: money(o.total),
      })),
      invoices: (n.invoices?.edges.map((e) => e.node) ?? n.openInvoices.nodes).map((i) => ({
        id: i.id ?? i.rowId,
        number: i.number,
        dueDate: i.dueDate,
        balanceDue: money(i.balanceDue),
        overdue: i.overdue,
      })),
    })),
  });
  function same(what, a, b) {
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    if (x === y) return;
    let i = 0;
    while (x[i] === y[i]) i++;
    throw new Error(`${what}: the answers differ at character ${i}:\n  ${x.slice(Math.max(0, i - 200), i + 200)}\n  ${y.slice(Math.max(0, i - 200), i + 200)}`);
  }

  // ---- 3. the same data: every page as ADMIN from all three; a rep's and a manager's pages against the floor
  const cursors = [null];
  const pages = Math.ceil(Number(book.customers) / FIRST);
  for (let k = 0; k < pages; k++) {
    const t = (await post(tandem.url, bodies.tandem(cursors[k]), tokens.ADMIN)).customers;
    cursors.push(t.pageInfo.endCursor);
    const f = canonical((await post(floor.url, bodies.floor(k))).customers);
    same(`page ${k + 1}, Tandem and the floor`, canonical(t), f);
    same(`page ${k + 1}, PostGraphile and the floor`, canonical((await post(pgl.url, bodies.pgl(k))).allCustomers), f);
  }
  const rep1 = (await sql.query(`select id from users where email = 'rep1@race.example'`)).rows[0].id;
  let after = null;
  let repPages = 0;
  for (let k = 0; ; k++) {
    const t = (await post(tandem.url, bodies.tandem(after), tokens.SALES_REP)).customers;
    same(`rep1's page ${k + 1}, Tandem and the floor`, canonical(t), canonical((await post(floor.url, bodies.floor(k, rep1))).customers));
    repPages++;
    if (!t.pageInfo.hasNextPage) break;
    after = t.pageInfo.endCursor;
  }
  same("the manager's first page", canonical((await post(tandem.url, bodies.tandem(null), tokens.SALES_MANAGER)).customers), canonical((await post(floor.url, bodies.floor(0))).customers));
  say(`same data: ${pages} pages as ADMIN from all three, ${repPages} pages as a SALES_REP and one as a SALES_MANAGER against the floor`);

  // ---- 4. statements per request
  async function statementsPer(send, n = 20) {
    if (!canCount) return null;
    await sql.query('select pg_stat_statements_reset()');
    await sql.query('select pg_stat_reset()');
    for (let i = 0; i < n; i++) await send(i);
    await sleep(600); // function statistics reach the views when a backend reports them
    const s = (
      await sql.query(
        `select coalesce(sum(calls), 0)::int as n from pg_stat_statements where query !~* 'pg_stat|pg_settings' and dbid = (select oid from pg_database where datname = current_database())`,
      )
    ).rows[0].n;
    const f = (await sql.query(`select coalesce(sum(calls), 0)::int as n from pg_stat_user_functions`)).rows[0].n;
    return { statements: s / n, functions: f / n };
  }
  const counts = {
    tandem: await statementsPer((i) => post(tandem.url, bodies.tandem(cursors[i % pages]), tokens.ADMIN)),
    tandem10: await statementsPer(() => post(tandem.url, { query: DASHBOARD, variables: { first: 10 } }, tokens.ADMIN)),
    pgl: await statementsPer((i) => post(pgl.url, bodies.pgl(i % pages))),
    floor: await statementsPer((i) => post(floor.url, bodies.floor(i % pages))),
  };

  // ---- Tandem as one process per core (node:cluster), on the same database
  if (WORKERS > 1) {
    tandemCluster = await startBenchGateway({ databaseUrl: db.url, env: { NODE_ENV: 'production', CORS_ORIGINS: 'http://127.0.0.1', LOG_LEVEL: 'warn', CLUSTER_WORKERS: String(WORKERS) } });
    for (let k = 0; k < Math.min(10, pages); k++)
      same(
        `page ${k + 1}, Tandem ×${WORKERS} and the floor`,
        canonical((await post(tandemCluster.url, bodies.tandem(cursors[k]), tokens.ADMIN)).customers),
        canonical((await post(floor.url, bodies.floor(k))).customers),
      );
  }

  // ---- the baseline build, if any, checked like the others
  if (BASELINE) {
    tandemBaseline = await startBenchGateway({ databaseUrl: db.url, checkout: BASELINE, env: { NODE_ENV: 'production', CORS_ORIGINS: 'http://127.0.0.1', LOG_LEVEL: 'warn' } });
    for (let k = 0; k < Math.min(10, pages); k++)
      same(
        `page ${k + 1}, the baseline and the floor`,
        canonical((await post(tandemBaseline.url, bodies.tandem(cursors[k]), tokens.ADMIN)).customers),
        canonical((await post(floor.url, bodies.floor(k))).customers),
      );
    counts.baseline = await statementsPer((i) => post(tandemBaseline.url, bodies.tandem(cursors[i % pages]), tokens.ADMIN));
  }

  for (const v of VARIANTS) {
    const gateway = await startBenchGateway({ databaseUrl: db.url, env: { NODE_ENV: 'production', CORS_ORIGINS: 'http://127.0.0.1', LOG_LEVEL: 'warn', ...v.env } });
    tandemVariants.push({ name: v.name, gateway });
    same(`page 1, ${v.name} and the floor`, canonical((await post(gateway.url, bodies.tandem(null), tokens.ADMIN)).customers), canonical((await post(floor.url, bodies.floor(0))).customers));
  }

  // ---- 5. interleaved timed rounds
  const requestsOf = (url, make, token) =>
    Array.from({ length: Math.min(10, pages) }, (_, k) => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(make(k)),
    }));
  const servers = [
    { name: 'Tandem', url: tandem.url, requests: requestsOf(tandem.url, (k) => bodies.tandem(cursors[k]), tokens.ADMIN), pid: tandem.pid },
    ...(tandemCluster ? [{ name: `Tandem ×${WORKERS}`, url: tandemCluster.url, requests: requestsOf(tandemCluster.url, (k) => bodies.tandem(cursors[k]), tokens.ADMIN), pid: tandemCluster.pid }] : []),
    ...tandemVariants.map((v) => ({ name: v.name, url: v.gateway.url, requests: requestsOf(v.gateway.url, (k) => bodies.tandem(cursors[k]), tokens.ADMIN), pid: v.gateway.pid })),
    ...(tandemBaseline ? [{ name: 'baseline', url: tandemBaseline.url, requests: requestsOf(tandemBaseline.url, (k) => bodies.tandem(cursors[k]), tokens.ADMIN), pid: tandemBaseline.pid }] : []),
    { name: 'PostGraphile', url: pgl.url, requests: requestsOf(pgl.url, bodies.pgl), pid: pgl.pid },
    { name: 'floor', url: floor.url, requests: requestsOf(floor.url, bodies.floor), pid: floor.pid },
  ];
  const timed = ONLY ? servers.filter((s) => ONLY.some((o) => s.name.startsWith(o))) : servers;
  const results = [];
  for (let round = 1; round <= ROUNDS; round++)
    for (const clients of CLIENTS)
      for (const s of round % 2 ? timed : [...timed].reverse()) {
        let peak = 0;
        const cpu0 = await cpuMs(s.pid);
        const sampler = setInterval(
          () =>
            familyRssKiB(s.pid).then(
              (k) => (peak = Math.max(peak, k)),
              () => undefined,
            ),
          200,
        );
        const r = await autocannon({ url: s.url.replace(/\/graphql$/, ''), connections: clients, duration: SECONDS, requests: s.requests, timeout: 30 });
        clearInterval(sampler);
        const cpuPerRequest = (await cpuMs(s.pid)) - cpu0;
        const failed = r.errors + r.timeouts + r.non2xx;
        results.push({ round, clients, server: s.name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed, rssMiB: peak / 1024, cpu: cpuPerRequest / r.requests.total });
        say(
          `round ${round}, ${clients} clients, ${s.name}: ${r.requests.average} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${(cpuPerRequest / r.requests.total).toFixed(1)} ms CPU/request, failed ${failed}, peak RSS ${(peak / 1024).toFixed(0)} MiB`,
        );
        await sleep(1000);
      }

  // ---- the answer still right after the load
  same('page 1 after the load, Tandem and the floor', canonical((await post(tandem.url, bodies.tandem(null), tokens.ADMIN)).customers), canonical((await post(floor.url, bodies.floor(0))).customers));

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fmt = (x, d = 0) => (x === null || x === undefined ? '–' : x.toFixed(d));
  console.log(`\nCustomerDashboard, ${FIRST} customers a page, as ADMIN; book: ${JSON.stringify(book)}`);
  console.log(`${ROUNDS} interleaved rounds of ${SECONDS} s per server and client count; medians of the rounds\n`);
  console.log('| server | clients | req/s | p50 ms | p99 ms | failed | server CPU ms / request | SQL statements / request | peak RSS MiB |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  const summary = {};
  for (const clients of CLIENTS)
    for (const s of timed) {
      const rs = results.filter((r) => r.clients === clients && r.server === s.name);
      const m = {
        rps: median(rs.map((r) => r.rps)),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
        failed: rs.reduce((a, r) => a + r.failed, 0),
        cpu: median(rs.map((r) => r.cpu)),
        rss: Math.max(...rs.map((r) => r.rssMiB)),
      };
      summary[`${s.name}@${clients}`] = m;
      const tandemLike = s.name.startsWith('Tandem') || s.name === 'baseline' || VARIANTS.some((v) => v.name === s.name);
      const c = counts[s.name.startsWith('Tandem') ? 'tandem' : { PostGraphile: 'pgl', floor: 'floor', baseline: 'baseline' }[s.name]];
      const st = c ? `${fmt(c.statements, 1)}${c.functions ? ` (+${fmt(c.functions, 0)} function calls)` : ''}` : '–';
      console.log(`| ${s.name} | ${clients} | ${fmt(m.rps, 1)} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${m.failed} | ${fmt(m.cpu, 1)} | ${st} | ${tandemLike ? fmt(m.rss) : '–'} |`);
    }
  console.log('');
  for (const clients of ONLY ? [] : CLIENTS) {
    const t = summary[`Tandem@${clients}`];
    const p = summary[`PostGraphile@${clients}`];
    const f = summary[`floor@${clients}`];
    console.log(
      `${clients} clients: Tandem ${(t.rps / p.rps).toFixed(2)}× PostGraphile's req/s (target ≥ 1.2), p99 ${t.p99} vs ${p.p99} ms; ${(t.rps / f.rps).toFixed(2)}× the floor's req/s (on the way to ≥ 0.8)`,
    );
  }
  if (counts.tandem) console.log(`Tandem statements per request: ${fmt(counts.tandem10.statements, 1)} at 10 customers a page, ${fmt(counts.tandem.statements, 1)} at ${FIRST}`);
} finally {
  await cleanup();
}
