import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type ReconcileOutcome = 'done' | 'requeue_after' | 'error' | 'terminal_error';

/** The runtime's Prometheus metrics; every queue and controller of a process shares one set. */
export interface ControllerMetrics {
  workqueueDepth: Gauge<'name'>;
  reconcileTotal: Counter<'controller' | 'result'>;
  reconcileDuration: Histogram<'controller'>;
  reconcileErrors: Counter<'controller'>;
}

// prom-client refuses a second metric of the same name on one registry, so the
// set is made once per registry and handed to every queue and controller.
const byRegistry = new WeakMap<Registry, ControllerMetrics>();

/** The metrics registered on `registry`, created on first use. */
export function controllerMetrics(registry: Registry): ControllerMetrics {
  let metrics = byRegistry.get(registry);
  if (!metrics) {
    metrics = createMetrics(registry);
    byRegistry.set(registry, metrics);
  }
  return metrics;
}

function createMetrics(registry: Registry): ControllerMetrics {
  const registers = [registry];
  return {
    workqueueDepth: new Gauge({
      name: 'wheelhouse_workqueue_depth',
      help: 'Keys waiting in a work queue to be processed',
      labelNames: ['name'] as const,
      registers,
    }),
    reconcileTotal: new Counter({
      name: 'wheelhouse_reconcile_total',
      help: 'Reconciles by controller and result (done, requeue_after, error, terminal_error)',
      labelNames: ['controller', 'result'] as const,
      registers,
    }),
    reconcileDuration: new Histogram({
      name: 'wheelhouse_reconcile_duration_seconds',
      help: 'Time spent in one reconcile',
      labelNames: ['controller'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    reconcileErrors: new Counter({
      name: 'wheelhouse_reconcile_errors_total',
      help: 'Reconciles that failed (retryable or terminal)',
      labelNames: ['controller'] as const,
      registers,
    }),
  };
}
