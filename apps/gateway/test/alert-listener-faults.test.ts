import { connect, createServer, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { AlertHub } from '../src/modules/alerts/alert-hub';
import type { AlertRow } from '../src/modules/alerts/alert.rows';
import { createLogger } from '../src/logger';
import { startTestGateway, type TestGateway } from './support/test-app';
import { until } from './support/until';

/**
 * The alert listener's own connection against a server that accepts TCP and
 * never answers (a hung host, a half-open network path): each attempt gives up
 * within DB_CONNECT_TIMEOUT_MS and the backoff loop tries again, so once the
 * server answers again the listener is back and hears alerts.
 */
jest.setTimeout(30_000);

/** A TCP proxy to PostgreSQL that can be switched to accept connections and say nothing. */
class SilenceableProxy {
  silent = false;
  accepted = { forwarded: 0, silenced: 0 };
  private readonly sockets = new Set<Socket>();
  private readonly server: Server;

  constructor(private readonly target: { host: string; port: number }) {
    this.server = createServer((socket) => {
      this.track(socket);
      if (this.silent) {
        this.accepted.silenced++;
        return;
      }
      this.accepted.forwarded++;
      const upstream = this.track(connect(target.port, target.host));
      socket.pipe(upstream).pipe(socket);
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve((this.server.address() as { port: number }).port)));
  }

  /** Drops every open connection, as a failing network would. */
  cut(): void {
    for (const s of this.sockets) s.destroy();
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
    return socket;
  }
}

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ ALERT_SCAN_INTERVAL_MS: '3600000', DB_CONNECT_TIMEOUT_MS: '500' });
});
afterAll(async () => {
  await gw?.stop();
});

it('a reconnect to a server that never answers gives up within DB_CONNECT_TIMEOUT_MS and is retried until the listener is back', async () => {
  const db = new URL(gw.databaseUrl);
  const proxy = new SilenceableProxy({ host: db.hostname, port: Number(db.port) });
  const proxied = new URL(gw.databaseUrl);
  proxied.port = String(await proxy.listen());
  let reconnects = 0;
  // No safety poll during the test: an alert delivered below was heard on the listening connection.
  const hub = new AlertHub(proxied.toString(), gw.app.orm, createLogger('silent'), {
    metrics: { countListenerReconnect: () => reconnects++, observeDeliveryLag: () => undefined },
    safetyPollMs: 3_600_000,
  });
  const heard: AlertRow[] = [];
  hub.subscribe((rows) => void heard.push(...rows));
  try {
    await hub.start();
    expect(proxy.accepted.forwarded).toBe(1);

    // The listening connection is cut and every new one hangs: attempts keep coming, each given up after 500 ms.
    proxy.silent = true;
    proxy.cut();
    const started = Date.now();
    await until(() => proxy.accepted.silenced >= 3, 'three reconnect attempts to the silent server', 10_000);
    // 500 ms per attempt plus the backoff (100, 200, 400 ms) between them; a hung attempt would stop the count at 1.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(reconnects).toBe(0);

    proxy.silent = false;
    await until(() => reconnects === 1, 'the listener to reconnect once the server answers', 10_000);
    const admin = new Client({ connectionString: gw.databaseUrl });
    await admin.connect();
    try {
      await admin.query(`with a as (
        insert into alerts (kind, severity, message, audience_roles, audience_user_ids, event_key, created_at)
        values ('CREDIT_HOLD', 'WARNING', 'heard after the outage', '{ADMIN}', '{}', 'listener-faults-' || gen_random_uuid(), now()) returning id)
        select pg_notify('tandem_alerts', id::text) from a`);
    } finally {
      await admin.end();
    }
    await until(() => heard.some((a) => a.message === 'heard after the outage'), 'the alert to be heard on the new listening connection', 5_000);
  } finally {
    await hub.stop();
    await proxy.close();
  }
});
