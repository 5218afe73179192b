import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../src/config';
import { freePort } from './support/free-port';
import { ADMIN, createTestDatabase, JWT_SECRET } from './support/test-app';
import { until } from './support/until';

/**
 * CLUSTER_WORKERS: one built main.js runs that many gateway workers on one port
 * (node:cluster); a worker that dies is replaced, SIGTERM stops them all and
 * the primary exits 0. Needs the build (`npm test` builds first).
 */
const main = resolve(__dirname, '../dist/main.js');
jest.setTimeout(120_000);

const workersOf = (pid: number): number[] => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

it('refuses more than one worker without DATABASE_URL: each would start its own embedded PostgreSQL', () => {
  expect(() => loadConfig({ CLUSTER_WORKERS: '2' })).toThrow(/CLUSTER_WORKERS above 1 needs DATABASE_URL/);
  expect(loadConfig({ CLUSTER_WORKERS: '2', DATABASE_URL: 'postgres://h/db' }).CLUSTER_WORKERS).toBe(2);
  expect(() => loadConfig({ CLUSTER_WORKERS: 'many', DATABASE_URL: 'postgres://h/db' })).toThrow(/CLUSTER_WORKERS/);
});

it('serves one port from two workers, replaces a worker killed with SIGKILL, and drains them all on SIGTERM', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/root',
      DATABASE_URL: await createTestDatabase(),
      PORT: String(port),
      HOST: '127.0.0.1',
      CLUSTER_WORKERS: '2',
      JWT_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.resume();
  const exit = new Promise<number | null>((res) => child!.on('exit', (code) => res(code)));
  const readyWorkers = () => out.split('\n').filter((l) => l.includes('"Tandem gateway ready"')).length;
  // Both workers migrate the one empty database at once (under the advisory lock) and become ready.
  await until(() => readyWorkers() === 2, 'two ready workers', 60_000);
  const primary = child.pid!;
  const first = workersOf(primary);
  expect(first).toHaveLength(2);

  const login = () =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}', variables: { e: ADMIN.email, p: ADMIN.password } }),
    }).then(async (r) => ({ status: r.status, token: ((await r.json()) as { data?: { login: { token: string } } }).data?.login.token }));
  const answers = await Promise.all(Array.from({ length: 12 }, login));
  expect(answers.every((a) => a.status === 200 && typeof a.token === 'string')).toBe(true);

  // A worker that dies is replaced; the port keeps answering meanwhile.
  process.kill(first[0], 'SIGKILL');
  await until(() => workersOf(primary).length === 2 && !workersOf(primary).includes(first[0]), 'a replacement worker', 30_000);
  await until(() => readyWorkers() === 3, 'the replacement to be ready', 60_000);
  expect((await login()).status).toBe(200);

  const workers = workersOf(primary);
  child.kill('SIGTERM');
  expect(await exit).toBe(0);
  expect(workers.filter(alive)).toEqual([]);
});
