import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one API process, served at /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'wheelhouse_api_requests_total',
      help: 'GraphQL operations by root field and outcome',
      labelNames: ['operation', 'outcome'] as const,
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'wheelhouse_api_request_duration_seconds',
      help: 'GraphQL operation latency by root field',
      labelNames: ['operation'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    rejected: new Counter({
      name: 'wheelhouse_api_rejected_requests_total',
      help: 'Requests refused before running: unauthenticated, body too large, query limits, too many requests',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    watchers: new Gauge({ name: 'wheelhouse_watch_subscribers', help: 'Open watch subscriptions', registers: [registry] }),
    tailRevision: new Gauge({ name: 'wheelhouse_changelog_tail_revision', help: 'Newest change-log revision this process has read', registers: [registry] }),
    tailLag: new Gauge({
      name: 'wheelhouse_changelog_lag_seconds',
      help: 'Time from commit to this process reading the newest change',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
