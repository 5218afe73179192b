import cluster, { type Worker } from 'node:cluster';
import type { Logger } from './logger';

/** Exit codes a worker uses for faults the operator must fix (config, port, database): restarting cannot help. */
const OPERATOR_FAULT = 2;
const SHUTDOWN_GRACE_MS = 25_000;

/**
 * CLUSTER_WORKERS > 1: this process (the primary) runs that many gateway
 * workers with node:cluster, all on one port (the primary accepts and hands
 * connections round-robin). One gateway process executes GraphQL on one core;
 * the workers use the others. Every worker is a whole gateway, like separate
 * instances on one database (migrations and the first admin under advisory
 * locks, the alert scan taken by one at a time, alerts shared through
 * LISTEN/NOTIFY).
 *
 * A worker that dies is started again after a back-off (1 s, doubling to 30 s,
 * back to 1 s after a minute up); one that exits 2 (a configuration, port or
 * database fault) stops them all with exit 2, since its siblings would fail the
 * same way. SIGTERM or SIGINT is passed to every worker, which drains; the
 * primary exits 0 when all have stopped (or kills them after 25 s).
 */
export function runWorkers(count: number, log: Logger): void {
  let stopping = false;
  let exitCode = 0;
  let delayMs = 1_000;
  const started = new Map<number, number>();

  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());

  cluster.on('exit', (worker, code, signal) => {
    const upMs = Date.now() - (started.get(worker.id) ?? Date.now());
    started.delete(worker.id);
    if (stopping) {
      if (alive().length === 0) {
        log.info('all workers stopped');
        process.exit(exitCode);
      }
      return;
    }
    if (code === OPERATOR_FAULT) {
      log.error({ pid: worker.process.pid, code }, 'a worker stopped on a configuration, port or database fault: stopping all');
      stopping = true;
      exitCode = OPERATOR_FAULT;
      for (const w of alive()) w.process.kill('SIGTERM');
      if (alive().length === 0) process.exit(exitCode);
      return;
    }
    if (upMs > 60_000) delayMs = 1_000;
    log.error({ pid: worker.process.pid, code, signal, restartInMs: delayMs }, 'a gateway worker died; starting another');
    setTimeout(() => stopping || fork(), delayMs).unref();
    delayMs = Math.min(delayMs * 2, 30_000);
  });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, workers: alive().length }, 'shutting down: draining every worker');
    for (const w of alive()) w.process.kill('SIGTERM');
    if (alive().length === 0) process.exit(0);
    setTimeout(() => {
      log.error('workers took over 25 s to stop; killing them');
      for (const w of alive()) w.process.kill('SIGKILL');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  log.info({ workers: count }, 'starting gateway workers');
  for (let i = 0; i < count; i++) fork();
}
