import { startApp, type App } from './app';
import { ConfigError, loadConfig } from './config';
import { ListenError } from './http/bind';
import { createLogger } from './logger';

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

  // Signals are handled from the first moment: one that arrives while starting
  // waits for start-up to finish (or fail and clean up), so no embedded
  // PostgreSQL is left behind.
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
  log.info({ url: app.gateway.url }, 'Tandem gateway ready');
  process.stdout.write(
    `\nTandem GraphQL API: ${app.gateway.url}  (graphql-ws on ${app.gateway.wsUrl})\n` +
      `Sign in with: mutation { login(email: "...", password: "...") { token } }\n` +
      `then send the header  Authorization: Bearer <token>\n\n`,
  );
  if (stopSignal) stop(app, stopSignal);
}

main().catch((err) => {
  // A taken port (or a bad HOST) is the operator's to fix: one line, exit 2, like a bad variable.
  if (err instanceof ListenError) {
    process.stderr.write(`tandem: ${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`tandem: failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
