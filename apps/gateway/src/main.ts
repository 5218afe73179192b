import cluster from 'node:cluster';
import { startApp, type App } from './app';
import { runWorkers } from './cluster';
import { ConfigError, loadConfig } from './config';
import { ListenError } from './http/bind';
import { DatabaseConfigError } from './db/database-config';
import { createLogger } from './logger';
import { keepRunningOnUnhandledRejections } from './process-faults';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-seed';

/**
 * What a person at the terminal needs once: where the API is, how to sign in,
 * and what this start created. It goes to stderr so that stdout carries only
 * the JSON log lines; the generated password is never logged.
 */
function banner(app: App): string {
  const { firstAdmin, demoCompany } = app.created;
  const lines = [
    '',
    `Tandem GraphQL API: ${app.gateway.url}  (graphql-ws on ${app.gateway.wsUrl})`,
    'Sign in with: mutation { login(email: "...", password: "...") { token } }',
    'then send the header  Authorization: Bearer <token>',
  ];
  if (firstAdmin?.generatedPassword) {
    lines.push('', `First admin created: ${firstAdmin.email} / password ${firstAdmin.generatedPassword}`, '(shown once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose them)');
  }
  if (demoCompany) {
    lines.push('', `Demo company seeded. Sign in as ${DEMO_USERS.map((u) => u.email).join(', ')} with the password "${DEMO_PASSWORD}".`);
  }
  return `${lines.join('\n')}\n\n`;
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`tandem: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  keepRunningOnUnhandledRejections(log);
  if (config.CLUSTER_WORKERS > 1 && cluster.isPrimary) {
    runWorkers(config.CLUSTER_WORKERS, log);
    return;
  }

  // Signals are handled from the first moment: one that arrives while starting
  // waits for start-up to finish (or fail and clean up), so no embedded
  // PostgreSQL is left behind.
  // eslint-disable-next-line prefer-const -- assigned once start-up is done, after the signal handlers that read it are installed
  let app: App | undefined;
  let stopSignal: string | undefined;
  const stop = (running: App, signal: string) => {
    log.info({ signal }, 'shutting down: draining connections');
    const force = setTimeout(() => {
      log.error('shutdown took over 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    running.stop().then(
      () => {
        log.info('stopped cleanly');
        process.exit(0);
      },
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: string) => {
    if (stopSignal) return;
    stopSignal = signal;
    if (app) stop(app, signal);
    else log.info({ signal }, 'stopping as soon as start-up has finished');
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  app = await startApp(config, log);
  log.info({ url: app.gateway.url, wsUrl: app.gateway.wsUrl }, 'Tandem gateway ready');
  // Also when about to stop: a generated admin password is shown on this start only.
  process.stderr.write(banner(app));
  if (stopSignal) stop(app, stopSignal);
}

main().catch((err) => {
  // A taken port (or a bad HOST), or a database that cannot be used, is the operator's to fix: one line, exit 2, like a bad variable.
  if (err instanceof ListenError || err instanceof DatabaseConfigError) {
    process.stderr.write(`tandem: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`tandem: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
