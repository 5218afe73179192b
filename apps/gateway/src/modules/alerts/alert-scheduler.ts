import { Logger as WorkerLogger, run, type Runner } from 'graphile-worker';
import type { Logger } from '../../logger';
import type { AlertScanner } from './alert-scanner';

const TASK = 'alert-scan';

/**
 * Runs the time-based alert scan every ALERT_SCAN_INTERVAL_MS, once across all
 * gateway instances, on graphile-worker: every instance starts a worker, but
 * there is only ever one `alert-scan` job (a job key), which one worker takes
 * and which schedules its own next run when it finishes.
 */
export class AlertScheduler {
  private runner: Runner | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly scanner: AlertScanner,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  async start(): Promise<void> {
    const next = () => ({ jobKey: TASK, jobKeyMode: 'replace' as const, runAt: new Date(Date.now() + this.intervalMs), maxAttempts: 1 });
    this.runner = await run({
      connectionString: this.databaseUrl,
      maxPoolSize: 2,
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
          } catch (err) {
            this.log.error({ err }, 'alert scan failed; the next run will try again');
          } finally {
            await helpers.addJob(TASK, {}, next());
          }
        },
      },
    });
    // Keeps an existing schedule (another instance's) and only creates one if none exists.
    await this.runner.addJob(TASK, {}, { jobKey: TASK, jobKeyMode: 'preserve_run_at', runAt: new Date(), maxAttempts: 1 });
  }

  async stop(): Promise<void> {
    await this.runner?.stop();
    this.runner = null;
  }
}
