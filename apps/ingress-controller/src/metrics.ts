import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics per Ingress and Service (names after ingress-nginx's nginx_ingress_controller_*). */
export function createIngressMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['namespace', 'ingress', 'service'] as const;
  return {
    registry,
    requests: new Counter({
      name: 'wheelhouse_ingress_requests_total',
      help: 'Requests served, by Ingress, Service and status code.',
      labelNames: [...labelNames, 'status'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'wheelhouse_ingress_request_duration_seconds',
      help: 'Time from request to the end of the response, by Ingress and Service.',
      labelNames,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'wheelhouse_ingress_upstream_errors_total',
      help: 'Failed upstream attempts (connect errors, resets), by Ingress and Service.',
      labelNames: [...labelNames, 'code'],
      registers: [registry],
    }),
  };
}

export type IngressMetrics = ReturnType<typeof createIngressMetrics>;
