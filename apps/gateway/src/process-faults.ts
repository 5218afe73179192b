import { Counter } from 'prom-client';
import type { Logger } from './logger';

/** Promise rejections that nothing handled (served at /metrics by every instance's registry). */
export const unhandledRejections = new Counter({
  name: 'tandem_unhandled_rejections_total',
  help: 'Promise rejections that no code handled; each is logged with its stack. Any is a bug to report.',
  registers: [],
});

let installed = false;

/**
 * A rejection nothing handled (a library's background promise, a lost
 * connection at the wrong moment) is logged and counted, and the process
 * goes on: every background task here is built to run again (the scan, the
 * alert listener, the job runner), so staying up loses less than exiting.
 * Installed once per process, by main.ts.
 */
export function keepRunningOnUnhandledRejections(log: Logger): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    unhandledRejections.inc();
    log.error({ err: reason }, 'unhandled promise rejection (the process keeps running; please report it)');
  });
}
