import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics for one gateway instance, served at GET /metrics: the
 * process (CPU, memory, event-loop lag), GraphQL requests by operation and
 * outcome, and live alert subscribers.
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
  return {
    registry,
    observeRequest(operation: string | null, seconds: number, hadErrors: boolean) {
      // Only named operations become labels, so clients cannot grow the label set without bound.
      const label = operation && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(operation) ? operation : 'anonymous';
      requests.observe({ operation: label, outcome: hadErrors ? 'errors' : 'ok' }, seconds);
    },
    countUnexpected() {
      unexpected.inc();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
