import { Logger as WorkerLogger, run, type Runner } from 'graphile-worker';
import { Pool } from 'pg';
import type { Metrics } from '../../http/metrics';
import type { Logger } from '../../logger';
import type { AlertScanner } from './alert-scanner';

const TASK = 'alert-scan';

/**
 * Runs the time-based alert scan every ALERT_SCAN_INTERVAL_MS, once across all
 * gateway instances, on graphile-worker: every instance starts a worker, but
 * there is only ever one queued `alert-scan` job (a job key), which one worker
 * takes and which schedules its own next run when it finishes.
 *
 * No failure can end the schedule:
 * - a scan that fails is logged and counted, and the next run is still queued;
 * - if queueing the next run fails too (the database went away), the task
 *   fails and graphile-worker retries it with backoff;
 * - every instance re-asserts the schedule once per interval (`preserve_run_at`:
 *   an existing job keeps its time; a lost, failed or stuck one is replaced),
 *   so even a job that was never written comes back within one interval;
 * - the worker runs on a pool of its own whose errors are logged, and if the
 *   worker itself stops with an error it is started again with backoff.
 */
export class AlertScheduler {
  private runner: Runner | null = null;
  private pool: Pool | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private restartMs = 500;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly scanner: AlertScanner,
    private readonly log: Logger,
    private readonly intervalMs: number,
    private readonly metrics?: Pick<Metrics, 'countScan' | 'countJobRunnerRestart'>,
  ) {}

  async start(): Promise<void> {
    const pool = new Pool({ connectionString: this.databaseUrl, max: 2, connectionTimeoutMillis: 10_000, application_name: 'tandem-jobs' });
    // A connection that the server closes (a restart) must not become an uncaught 'error' event
    // (idle in the pool, or checked out between two queries): pg removes the client, the next query reconnects.
    pool.on('error', (err) => this.log.warn({ err }, 'background job connection lost; it will reconnect'));
    pool.on('connect', (client) => client.on('error', (err) => this.log.warn({ err }, 'background job connection lost; it will reconnect')));
    this.pool = pool;
    await this.startRunner();
    // A first scan right away, unless another instance has one queued.
    await this.ensureScheduled(new Date());
    this.watchdog = setInterval(
      () => void this.ensureScheduled(new Date(Date.now() + this.intervalMs)).catch((err) => this.log.warn({ err }, 'could not check the alert scan schedule; will try again')),
      Math.max(this.intervalMs, 1000),
    );
    this.watchdog.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watchdog) clearInterval(this.watchdog);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.runner?.stop().catch((err) => this.log.warn({ err }, 'job runner stopped with an error'));
    this.runner = null;
    await this.pool?.end().catch(() => undefined);
    this.pool = null;
  }

  private next() {
    return { jobKey: TASK, jobKeyMode: 'replace' as const, runAt: new Date(Date.now() + this.intervalMs), maxAttempts: 25 };
  }

  /** Queues the scan unless one is queued already (whose time is kept). */
  private async ensureScheduled(runAt: Date): Promise<void> {
    if (!this.runner) return;
    await this.runner.addJob(TASK, {}, { ...this.next(), runAt, jobKeyMode: 'preserve_run_at' });
  }

  private async startRunner(): Promise<void> {
    const runner = await run({
      pgPool: this.pool!,
      // Unbatched, graphile-worker 0.17 does not await recording a job's end, so a database lost at that
      // moment became an unhandled rejection (the crash this replaces). Batched, it retries and, if the
      // database stays away, shuts the runner down with an error, which restarts it (below).
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
      concurrency: 1,
      noHandleSignals: true,
      pollInterval: Math.min(this.intervalMs, 2000),
      logger: new WorkerLogger(() => (level, message, meta) => {
        if (level === 'error') this.log.error({ meta }, `graphile-worker: ${message}`);
        else if (level === 'warning') this.log.warn({ meta }, `graphile-worker: ${message}`);
        else this.log.debug({ meta }, `graphile-worker: ${message}`);
      }),
      taskList: {
        [TASK]: async (_payload, helpers) => {
          try {
            await this.scanner.scan();
            this.metrics?.countScan(true);
          } catch (err) {
            this.metrics?.countScan(false);
            this.log.error({ err }, 'alert scan failed; the next run will try again');
          }
          // If this throws (no database), the task fails and is retried; the watchdog covers the rest.
          await helpers.addJob(TASK, {}, this.next());
        },
      },
    });
    this.runner = runner;
    this.restartMs = 500;
    // The runner ends on its own only when something failed (it may resolve or reject then): start it again.
    const ended = (err?: unknown) => {
      if (this.stopped || this.runner !== runner) return;
      this.runner = null;
      this.metrics?.countJobRunnerRestart();
      this.log.error({ err, retryMs: this.restartMs }, 'background job runner stopped; starting it again');
      this.scheduleRestart();
    };
    runner.promise.then(() => ended(), ended);
  }

  private scheduleRestart(): void {
    this.restartTimer = setTimeout(() => {
      if (this.stopped) return;
      this.startRunner().catch((err) => {
        this.log.warn({ err, retryMs: this.restartMs }, 'background job runner could not start yet');
        this.scheduleRestart();
      });
    }, this.restartMs);
    this.restartTimer.unref();
    this.restartMs = Math.min(this.restartMs * 2, 30_000);
  }
}
