import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseFault } from '../db/database-faults';
import type { AdmissionGauge, Lane } from '../graphql/admission-plugin';
import { transactionRetries } from '../db/transaction';
import { unhandledRejections } from '../process-faults';

/**
 * Prometheus metrics for one gateway instance, served at GET /metrics: the
 * process (CPU, memory, event-loop lag), GraphQL requests by operation and
 * outcome, live alert subscribers, and the faults an operator alerts on
 * (README "Operations"): database faults answered as retryable, retried
 * transactions, unhandled rejections, alert listener reconnects and delivery
 * lag, how long a fan-out takes, subscribers dropped for reading too slowly, and the time-based scan's runs.
 */
export function createMetrics(alertSubscribers: () => number) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tandem_' });
  const requests = new Histogram({
    name: 'tandem_graphql_request_duration_seconds',
    help: 'GraphQL requests over HTTP by operation name and whether they had errors.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const unexpected = new Counter({
    name: 'tandem_graphql_unexpected_errors_total',
    help: 'Errors masked as INTERNAL_SERVER_ERROR (each is logged with its stack).',
    registers: [registry],
  });
  new Gauge({
    name: 'tandem_alert_subscribers',
    help: 'alertRaised subscriptions open on this instance.',
    registers: [registry],
    collect() {
      this.set(alertSubscribers());
    },
  });
  const databaseFaults = new Counter({
    name: 'tandem_database_faults_total',
    help: 'Requests answered DATABASE_BUSY (a timeout, or a conflict after every retry) or DATABASE_UNAVAILABLE, by code and reason.',
    labelNames: ['code', 'reason'] as const,
    registers: [registry],
  });
  const listenerReconnects = new Counter({
    name: 'tandem_alert_listener_reconnects_total',
    help: 'Times the alert listener lost its database connection and connected again.',
    registers: [registry],
  });
  const deliveryLag = new Histogram({
    name: 'tandem_alert_delivery_lag_seconds',
    help: 'From an alert being written to this instance handing it to its subscribers.',
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  const scans = new Counter({
    name: 'tandem_alert_scans_total',
    help: 'Runs of the time-based alert scan on this instance, by outcome (ok, failed).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const lastScan = new Gauge({
    name: 'tandem_alert_scan_last_success_timestamp_seconds',
    help: 'When a scan last finished on this instance (alert when no instance has one recent).',
    registers: [registry],
  });
  const fanOut = new Histogram({
    name: 'tandem_alert_fanout_seconds',
    help: 'From this instance starting to hand a batch of new alerts to its subscribers (their sockets written) to the last one.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const slowConsumers = new Counter({
    name: 'tandem_ws_slow_consumers_dropped_total',
    help: 'graphql-ws sockets closed (4013) because more than WS_MAX_BUFFERED_BYTES waited unsent when an event was due; they resume with after.',
    registers: [registry],
  });
  const workerRestarts = new Counter({
    name: 'tandem_job_runner_restarts_total',
    help: 'Times the background job runner (graphile-worker) failed and was started again.',
    registers: [registry],
  });
  let admission: AdmissionGauge | null = null;
  new Gauge({
    name: 'tandem_http_operations_running',
    help: 'GraphQL operations over HTTP running now, by kind (query, mutation; at most HTTP_MAX_CONCURRENT_QUERIES and _MUTATIONS).',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      for (const kind of ['query', 'mutation'] as const) this.set({ kind }, admission?.running(kind) ?? 0);
    },
  });
  new Gauge({
    name: 'tandem_http_operations_waiting',
    help: 'GraphQL operations over HTTP waiting for their turn now, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      for (const kind of ['query', 'mutation'] as const) this.set({ kind }, admission?.waiting(kind) ?? 0);
    },
  });
  const serverBusy = new Counter({
    name: 'tandem_http_server_busy_total',
    help: 'Operations answered 503 SERVER_BUSY after waiting HTTP_QUEUE_TIMEOUT_MS for their turn, by kind (add instances, or find what holds the running ones).',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  registry.registerMetric(transactionRetries);
  registry.registerMetric(unhandledRejections);
  return {
    registry,
    countDatabaseFault(fault: DatabaseFault) {
      databaseFaults.inc({ code: fault.code, reason: fault.reason });
    },
    countListenerReconnect() {
      listenerReconnects.inc();
    },
    countSlowConsumerDropped() {
      slowConsumers.inc();
    },
    observeDeliveryLag(seconds: number) {
      deliveryLag.observe(Math.max(0, seconds));
    },
    observeFanOut(seconds: number) {
      fanOut.observe(seconds);
    },
    countScan(ok: boolean) {
      scans.inc({ outcome: ok ? 'ok' : 'failed' });
      if (ok) lastScan.setToCurrentTime();
    },
    countJobRunnerRestart() {
      workerRestarts.inc();
    },
    observeRequest(operation: string | null, seconds: number, hadErrors: boolean) {
      // Only named operations become labels, so clients cannot grow the label set without bound.
      const label = operation && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(operation) ? operation : 'anonymous';
      requests.observe({ operation: label, outcome: hadErrors ? 'errors' : 'ok' }, seconds);
    },
    countUnexpected() {
      unexpected.inc();
    },
    watchAdmission(gauge: AdmissionGauge) {
      admission = gauge;
    },
    countServerBusy(kind: Lane) {
      serverBusy.inc({ kind });
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
