import { Client } from 'pg';
import type { Orm } from '../../db/orm';
import type { Metrics } from '../../http/metrics';
import type { Logger } from '../../logger';
import { ALERT_CHANNEL } from './alert-writer';

/** Another channel heard on the same connection, in commit order with the alerts (users' roles: auth/user-directory.ts). */
export interface NoticeChannel {
  channel: string;
  apply(payload: string): void;
  /** The connection was lost, so a notice may have been missed. */
  forgetAll(): void;
}
import { alertsAfter, type AlertRow } from './alert.rows';

/**
 * One per gateway instance: a single connection LISTENs on the alert channel;
 * a notification (its payload is just an id) makes the hub read every alert
 * with an id above the last one it delivered, in id order, and hand each to
 * the subscribers on this instance, in slices that leave the event loop free
 * between them (fanOut). If the database drops the listening
 * connection, the hub reconnects and catches up from the last id it saw.
 * The same connection hears the other channels in `notices`.
 */
export class AlertHub {
  private client: Client | null = null;
  private lastId = 0n;
  private readonly listeners = new Set<(rows: readonly AlertRow[]) => void | Promise<void>>();
  private draining: Promise<void> | null = null;
  private drainAgain = false;
  private stopped = false;
  private retryMs = 100;
  private safetyPoll: NodeJS.Timeout | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly orm: Orm,
    private readonly log: Logger,
    private readonly options: {
      metrics?: Pick<Metrics, 'countListenerReconnect' | 'observeDeliveryLag'> & Partial<Pick<Metrics, 'observeFanOut'>>;
      notices?: NoticeChannel[];
      safetyPollMs?: number;
    } = {},
  ) {}

  private get notices(): NoticeChannel[] {
    return this.options.notices ?? [];
  }

  async start(): Promise<void> {
    const [{ max }] = await this.orm.em.fork().execute<{ max: string | null }[]>('select max(id)::text as max from alerts');
    this.lastId = BigInt(max ?? 0);
    await this.connect();
    // A cheap backstop in case a notification is lost between reconnects.
    this.safetyPoll = setInterval(() => void this.drain(), this.options.safetyPollMs ?? 5000);
    this.safetyPoll.unref();
  }

  /** The id of the newest alert this instance has delivered. */
  lastSeenId(): string {
    return this.lastId.toString();
  }

  /** A listener gets new alerts in id order, several at once when several were read together; one that returns a promise is waited for before the next listener gets them. */
  subscribe(listener: (rows: readonly AlertRow[]) => void | Promise<void>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  subscriberCount(): number {
    return this.listeners.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.safetyPoll) clearInterval(this.safetyPoll);
    await this.draining?.catch(() => undefined);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    // A server that accepts TCP but never answers must fail the attempt (and let the backoff loop go on), not
    // hang it; keepalive notices a peer that vanished without closing the connection.
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'tandem-alert-listener',
      connectionTimeoutMillis: connectTimeoutMs(this.orm),
      query_timeout: connectTimeoutMs(this.orm),
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (msg) => {
      if (msg.channel === ALERT_CHANNEL) void this.drain();
      else this.notices.find((n) => n.channel === msg.channel)?.apply(msg.payload ?? '');
    });
    const lost = (err?: Error) => {
      if (this.client !== client || this.stopped) return;
      this.client = null;
      this.log.warn({ err, retryMs: this.retryMs }, 'alert listener lost its database connection; reconnecting');
      client.end().catch(() => undefined);
      setTimeout(() => void this.reconnect(), this.retryMs).unref();
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${ALERT_CHANNEL}`);
      for (const n of this.notices) await client.query(`LISTEN ${n.channel}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    // Anything announced while no connection listened is unknown: start those caches afresh.
    for (const n of this.notices) n.forgetAll();
    this.client = client;
    this.retryMs = 100;
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.connect();
      this.options.metrics?.countListenerReconnect();
      this.log.info({ lastId: this.lastSeenId() }, 'alert listener reconnected; catching up');
      await this.drain();
    } catch (err) {
      this.log.warn({ err, retryMs: this.retryMs }, 'alert listener could not reconnect yet');
      setTimeout(() => void this.reconnect(), this.retryMs).unref();
      this.retryMs = Math.min(this.retryMs * 2, 5000);
    }
  }

  /**
   * Hands a batch of alerts to every listener, in slices of about
   * FAN_OUT_SLICE_MS: between slices the event loop serves everything else, so
   * a fan-out to thousands of subscribers never holds an HTTP request (or a
   * transaction holding the outbox lock) for long. Each listener gets the
   * whole batch at once (when alerts come faster than they are fanned out,
   * a subscriber gets them in one socket write). A listener added meanwhile is
   * called too, one removed is not (a Set's iterator sees both).
   */
  private async fanOut(rows: readonly AlertRow[]): Promise<void> {
    const started = performance.now();
    let sliceStart = started;
    let n = 0;
    for (const l of this.listeners) {
      try {
        const waiting = l(rows);
        if (waiting) await waiting;
      } catch (err) {
        this.log.error({ err }, 'alert subscriber failed');
      }
      if (++n % 16 === 0 && performance.now() - sliceStart >= FAN_OUT_SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    this.options.metrics?.observeFanOut?.((performance.now() - started) / 1000);
  }

  /** Reads and delivers everything after the last id, one drain at a time. */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        do {
          this.drainAgain = false;
          for (;;) {
            const rows = await alertsAfter(this.orm.em.fork(), this.lastSeenId());
            if (!rows.length) break;
            for (const row of rows) this.options.metrics?.observeDeliveryLag((Date.now() - new Date(row.created_at).getTime()) / 1000);
            await this.fanOut(rows);
            // Only now: a subscriber that joins during the fan-out starts below these rows, and the iteration reaches it.
            this.lastId = BigInt(rows[rows.length - 1].id);
            if (rows.length < 1000) break;
          }
        } while (this.drainAgain && !this.stopped);
      } catch (err) {
        this.log.warn({ err }, 'alert hub could not read new alerts; will retry on the next notification');
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }
}

/** How long one fan-out runs before it lets the event loop serve others (HTTP requests, commits waiting for their reply). */
const FAN_OUT_SLICE_MS = 5;

/** DB_CONNECT_TIMEOUT_MS, as the pool got it (db/orm.ts): the listener's own connection gives up as soon as the pool's. */
function connectTimeoutMs(orm: Orm): number {
  const driver = orm.config.get<'driverOptions', { connection?: { connectionTimeoutMillis?: number } } | undefined>('driverOptions');
  return driver?.connection?.connectionTimeoutMillis ?? 10_000;
}
