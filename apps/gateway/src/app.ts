import 'reflect-metadata';
import { resolveJwtSecret } from './auth/secrets';
import { TokenService } from './auth/token';
import { UserDirectory } from './auth/user-directory';
import type { Config } from './config';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded-postgres';
import { migrate, openOrm, type Orm } from './db/orm';
import { configureTransactions } from './db/transaction';
import { databaseConfigError } from './db/database-config';
import type { Logger } from './logger';
import { createSchema } from './schema';
import { bindHttpServer, type BoundServer } from './http/bind';
import { startGateway, type RunningGateway } from './server';
import { createServices, type Services } from './services';
import { createMetrics } from './http/metrics';
import { seedDemo } from './seed/demo-seed';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { AlertHub } from './modules/alerts/alert-hub';
import { LOGIN_ATTEMPTS } from './modules/users/auth.service';
import { AlertScanner } from './modules/alerts/alert-scanner';
import { AlertScheduler } from './modules/alerts/alert-scheduler';

export interface App {
  gateway: RunningGateway;
  scanner: AlertScanner;
  orm: Orm;
  services: Services;
  tokens: TokenService;
  /** What this start created that the person starting it should hear about once (main.ts tells them). */
  created: { firstAdmin: { email: string; generatedPassword?: string } | null; demoCompany: boolean };
  /** Stops accepting, drains HTTP and WebSocket, closes the pool, stops the embedded database. */
  stop(): Promise<void>;
}

/**
 * Start-up in order: bind the HTTP port (a taken one fails here, before anything
 * else starts), database (embedded unless DATABASE_URL), migrations, the alert
 * hub, first admin, demo seed on first start, the alert scheduler, then the
 * HTTP/WebSocket server on the bound port. A failure on the way stops what had
 * started. Nothing is written to stdout, which carries only JSON log lines.
 */
export async function startApp(config: Config, log: Logger): Promise<App> {
  let http: BoundServer | undefined;
  let embedded: EmbeddedDatabase | undefined;
  let orm: Orm | undefined;
  let alertHub: AlertHub | undefined;
  let scheduler: AlertScheduler | undefined;
  try {
    http = await bindHttpServer(config.PORT, config.HOST);
    let url = config.DATABASE_URL;
    if (!url) {
      embedded = await startEmbeddedDatabase(config.DATA_DIR, log);
      url = embedded.url();
    }
    let applied: string[];
    try {
      orm = await openOrm(url, {
        poolMax: config.DB_POOL_MAX,
        log,
        timeouts: {
          lockMs: config.DB_LOCK_TIMEOUT_MS,
          statementMs: config.DB_STATEMENT_TIMEOUT_MS,
          idleInTransactionMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
          poolAcquireMs: config.DB_POOL_ACQUIRE_TIMEOUT_MS,
          connectMs: config.DB_CONNECT_TIMEOUT_MS,
        },
      });
      // Under an advisory lock: several instances may start at once on an empty database.
      applied = await migrate(orm, url, config.DB_CONNECT_TIMEOUT_MS);
    } catch (err) {
      // A database that does not exist, cannot be reached or does not answer is the operator's to fix: one clear line.
      throw databaseConfigError(url, err, config.DB_CONNECT_TIMEOUT_MS) ?? err;
    }
    configureTransactions({ maxAttempts: config.TX_MAX_ATTEMPTS });
    if (applied.length) log.info({ applied }, 'applied migrations');

    const tokens = new TokenService(await resolveJwtSecret(config.JWT_SECRET, config.DATA_DIR), config.JWT_TTL_SECONDS);
    // The role a token's user has now (not when it signed in) decides what it reads; changes arrive on the alert listener.
    const userDirectory = new UserDirectory();
    const metrics = createMetrics(() => alertHub?.subscriberCount() ?? 0);
    alertHub = new AlertHub(url, orm, log, { metrics, notices: [userDirectory] });
    await alertHub.start();
    const loginFailures = new RateLimiterPostgres({
      storeClient: orm.em.getConnection().getKnex(),
      storeType: 'knex',
      tableName: 'login_rate_limits',
      tableCreated: true,
      keyPrefix: 'login',
      points: LOGIN_ATTEMPTS.points,
      duration: LOGIN_ATTEMPTS.durationSeconds,
    });
    const services = createServices({ tokens, alertHub, userDirectory, loginFailures, policy: { backdatingDays: config.BACKDATING_DAYS } });
    const admin = await services.users.ensureFirstAdmin(orm.em.fork(), { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD, production: config.NODE_ENV === 'production' }, log);
    // SEED_DEMO is always false with NODE_ENV=production (config.ts).
    const demoCompany = Boolean(admin && config.SEED_DEMO);
    if (demoCompany) await seedDemo(orm, services, log);

    const scanner = new AlertScanner(orm, log);
    scheduler = new AlertScheduler(url, scanner, log, config.ALERT_SCAN_INTERVAL_MS, metrics);
    await scheduler.start();
    const gateway = await startGateway(
      {
        schema: await createSchema({ directResolvers: config.GRAPHQL_DIRECT_RESOLVERS }),
        orm,
        databaseUrl: url,
        tokens,
        services,
        log,
        metrics,
        config,
        costs: { max: config.QUERY_COST_MAX, perSecond: config.QUERY_COST_PER_SECOND, burst: config.QUERY_COST_BURST },
      },
      http,
      config.HOST,
    );
    const hub = alertHub;
    const jobs = scheduler;
    const openedOrm = orm;
    let stopping: Promise<void> | undefined;
    return {
      gateway,
      scanner,
      orm,
      services,
      tokens,
      created: { firstAdmin: admin, demoCompany },
      stop: () =>
        (stopping ??= (async () => {
          try {
            await jobs.stop();
            await scanner.stop();
            await gateway.stop();
            log.info('HTTP and WebSocket drained');
            await hub.stop();
            await openedOrm.close(true);
            log.info('database pool closed');
          } finally {
            await embedded?.stop();
          }
        })()),
    };
  } catch (err) {
    await http?.close().catch(() => undefined);
    await scheduler?.stop().catch(() => undefined);
    await alertHub?.stop().catch(() => undefined);
    await orm?.close(true).catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw err;
  }
}
