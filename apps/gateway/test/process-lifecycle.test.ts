import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from './support/free-port';

/**
 * The real `main.js` as `npm start` runs it: embedded PostgreSQL in DATA_DIR,
 * first admin, demo seed, restart with the same data, clean SIGTERM, recovery
 * from a SIGKILLed parent, config errors, a taken port, a start that fails half
 * way, and stdout holding nothing but JSON log lines. Needs the build (`npm test` builds first).
 */
const main = resolve(__dirname, '../dist/main.js');
jest.setTimeout(120_000);

interface Started {
  child: ChildProcess;
  url: string;
  /** What the human reads: the banner, the generated password. */
  stderr: () => string;
  /** What a log shipper reads: JSON lines only. */
  stdout: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startMain(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`gateway did not start in time:\n${err}`)), 60_000);
    const check = () => {
      const m = /Tandem GraphQL API: (\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    child.stderr.on('data', check);
    void exit.then(({ code }) => {
      clearTimeout(timer);
      rej(new Error(`gateway exited with ${code} before it was ready:\n${err}`));
    });
  });
  return { child, url, stderr: () => err, stdout: () => out, exit };
}

/** Every stdout line is a pino JSON object; returns them. */
function jsonLines(stdout: string): { level: number; msg: string }[] {
  const lines = stdout.split('\n').filter((l) => l !== '');
  expect(lines.length).toBeGreaterThan(0);
  return lines.map((l) => {
    try {
      return JSON.parse(l);
    } catch {
      throw new Error(`stdout line is not JSON: ${l}`);
    }
  });
}

async function graphql(url: string, query: string, variables: object = {}, token?: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<{ data?: any; errors?: any[] }>;
}
const LOGIN = 'mutation($email:String!,$password:String!){ login(email:$email,password:$password){ token userErrors{code} } }';

function postgresPid(dataDir: string): number | null {
  const f = join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(f) ? Number(readFileSync(f, 'utf8').split('\n')[0]) : null;
}
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let dataDir: string;
beforeAll(async () => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm test\`, which builds before testing`);
  dataDir = await mkdtemp(join(tmpdir(), 'tandem-lifecycle-'));
  await chmod(dataDir, 0o755);
});
afterAll(async () => {
  const pid = dataDir && postgresPid(dataDir);
  if (pid && alive(pid)) process.kill(pid, 'SIGINT');
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('serves on an embedded PostgreSQL that keeps its data across restarts and stops with the gateway', async () => {
  const port = String(await freePort());
  const env = { DATA_DIR: dataDir, PORT: port, HOST: '127.0.0.1', SEED_DEMO: '1' };

  // First start: no ADMIN_ variables, so a password is generated and printed once.
  const first = await startMain(env);
  const m = /First admin created: (\S+) \/ password (\S+)/.exec(first.stderr());
  expect(m).not.toBeNull();
  expect(first.stderr()).toMatch(/Demo company seeded\. Sign in as manager@demo\.tandem/);
  const admin = (await graphql(first.url, LOGIN, { email: m![1], password: m![2] })).data.login.token;
  expect(admin).toBeTruthy();
  // The demo company was seeded through the services.
  expect((await graphql(first.url, LOGIN, { email: 'rep1@demo.tandem', password: 'demo-password' })).data.login.token).toBeTruthy();
  const created = await graphql(
    first.url,
    'mutation($input: CreateUserInput!){ createUser(input:$input){ user{ id } userErrors{ code } } }',
    { input: { email: 'kept@test.tandem', name: 'Kept', role: 'FINANCE', password: 'kept-password' } },
    admin,
  );
  expect(created.data.createUser.userErrors).toEqual([]);
  const ready = await fetch(first.url.replace('/graphql', '/readyz'));
  expect(ready.status).toBe(200);

  const pg1 = postgresPid(dataDir);
  expect(pg1 && alive(pg1)).toBe(true);
  first.child.kill('SIGTERM');
  expect(await first.exit).toEqual({ code: 0, signal: null });
  expect(alive(pg1!)).toBe(false);
  expect(postgresPid(dataDir)).toBeNull();
  // stdout is for log shippers: JSON lines from start to clean stop, and never the password.
  const logs = jsonLines(first.stdout());
  expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['created the first admin', 'seeded the demo company', 'Tandem gateway ready', 'stopped cleanly']));
  expect(first.stdout()).not.toContain(m![2]);

  // Second start on the same data: the user is still there, the old token still
  // verifies (the generated JWT secret was kept), and no admin password is printed.
  const second = await startMain(env);
  expect(second.stderr()).not.toMatch(/First admin created|Demo company seeded/);
  const kept = await graphql(second.url, LOGIN, { email: 'kept@test.tandem', password: 'kept-password' });
  expect(kept.data.login.token).toBeTruthy();
  expect((await graphql(second.url, '{ me { email } }', {}, admin)).data.me.email).toBe(m![1]);

  // A SIGKILLed gateway leaves its postgres behind; the next start stops that orphan and carries on.
  const pg2 = postgresPid(dataDir)!;
  second.child.kill('SIGKILL');
  await second.exit;
  expect(alive(pg2)).toBe(true);
  const third = await startMain(env);
  expect(alive(pg2)).toBe(false);
  expect((await graphql(third.url, LOGIN, { email: 'kept@test.tandem', password: 'kept-password' })).data.login.token).toBeTruthy();
  const pg3 = postgresPid(dataDir)!;
  third.child.kill('SIGINT');
  expect(await third.exit).toEqual({ code: 0, signal: null });
  expect(alive(pg3)).toBe(false);
  expect(jsonLines(third.stdout()).map((l) => l.msg)).toEqual(expect.arrayContaining(['stopping a postgres left running by an earlier process on this data directory', 'stopped cleanly']));
});

it.each([
  [{ PORT: 'abc' }, /PORT must be a port number \(got "abc"\)/],
  [{ NODE_ENV: 'production', DATABASE_URL: 'postgres://x@127.0.0.1:1/x' }, /JWT_SECRET is required when NODE_ENV=production/],
  [{ PORT: 'abc', DB_LOCK_TIMEOUT_MS: 'soon' }, /PORT must be a port number \(got "abc"\); DB_LOCK_TIMEOUT_MS must be a number of milliseconds \(got "soon"\)$/],
])('exits 2 with one line and no stack trace on bad configuration %j', (env, message) => {
  const r = spawnSync(process.execPath, [main], { env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8', timeout: 30_000 });
  expect(r.status).toBe(2);
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^tandem: Invalid configuration: /);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  expect(r.stdout).toBe('');
});

it('exits 2 with one line when the port is taken, before it starts anything', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-port-'));
  const taken = createServer();
  await new Promise<void>((res) => taken.listen(0, '127.0.0.1', () => res()));
  const { port } = taken.address() as { port: number };
  try {
    const r = spawnSync(process.execPath, [main], { env: { PATH: process.env.PATH!, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`tandem: port ${port} on 127.0.0.1 is in use; set PORT to another port\n`);
    expect(r.stdout).toBe('');
    // No embedded PostgreSQL was started (nor a data directory made, nor an admin created).
    expect(existsSync(join(dir, 'pg'))).toBe(false);
  } finally {
    taken.close();
    await rm(dir, { recursive: true, force: true });
  }
});

it('stops the embedded PostgreSQL it started when start-up fails later', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-halfway-'));
  await chmod(dir, 0o755);
  // The JWT secret is read after the database is up and migrated; a directory in its place fails the start there.
  await mkdir(join(dir, 'jwt-secret'));
  try {
    const port = String(await freePort());
    const r = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', DATA_DIR: dir, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^tandem: failed to start: .*EISDIR/);
    expect(jsonLines(r.stdout).map((l) => l.msg)).toContain('embedded PostgreSQL stopped');
    expect(existsSync(join(dir, 'pg', 'PG_VERSION'))).toBe(true);
    expect(postgresPid(dir)).toBeNull();
  } finally {
    const pid = postgresPid(dir);
    if (pid && alive(pid)) process.kill(pid, 'SIGINT');
    await rm(dir, { recursive: true, force: true });
  }
});

describe('npm run serve (scripts/bootstrap.mjs serve)', () => {
  const root = resolve(__dirname, '../../..');

  it('runs the built main.js without installing or compiling', async () => {
    const taken = createServer();
    await new Promise<void>((res) => taken.listen(0, '127.0.0.1', () => res()));
    const { port } = taken.address() as { port: number };
    try {
      // A taken port answers within a second, so this proves it reached main.js and did nothing before.
      const r = spawnSync(process.execPath, [join(root, 'scripts/bootstrap.mjs'), 'serve'], {
        env: { PATH: process.env.PATH!, PORT: String(port), HOST: '127.0.0.1' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.stderr).toBe(`tandem: port ${port} on 127.0.0.1 is in use; set PORT to another port\n`);
      expect(r.stdout).toBe('');
      expect(r.status).toBe(2);
    } finally {
      taken.close();
    }
  });

  it('says to build first when there is no build', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tandem-unbuilt-'));
    try {
      await mkdir(join(dir, 'scripts'));
      await copyFile(join(root, 'scripts/bootstrap.mjs'), join(dir, 'scripts/bootstrap.mjs'));
      await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
      const r = spawnSync(process.execPath, [join(dir, 'scripts/bootstrap.mjs'), 'serve'], { env: { PATH: process.env.PATH! }, encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/is not built .*: run npm run build first\n$/);
      expect(existsSync(join(dir, '.tools'))).toBe(false);
      expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
