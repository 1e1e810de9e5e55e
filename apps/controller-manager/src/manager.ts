import { createClientset, hasCode, type WheelhouseClient } from '@wheelhouse/client';
import { EventRecorder, InformerFactory, realClock, type Clock, type ControllerMetrics } from '@wheelhouse/controller-runtime';
import type { ManagerContext, ManagerSettings } from './runtime/context.js';
import { CONTROLLERS } from './runtime/controllers.js';
import { routineConflict } from './runtime/routine-conflict.js';

export interface RunningManager {
  stop(): Promise<void>;
}

/** Every controller of the manager, started once this process leads; `signal` aborts when it stops leading. */
export async function startControllers(
  client: WheelhouseClient,
  options: {
    workers: number;
    /** node-monitor-grace-period; default 40 s. */
    nodeMonitorGracePeriodSeconds?: number;
    /** --node-eviction-rate and --secondary-node-eviction-rate (nodes/s per zone); default 0.1 and 0.01. */
    nodeEvictionRate?: number;
    secondaryNodeEvictionRate?: number;
    /** The HPA controller's sync period and default downscale stabilization; default 15 s and 300 s. */
    hpaSyncPeriodSeconds?: number;
    hpaDownscaleStabilizationSeconds?: number;
    metrics?: ControllerMetrics;
    log: (message: string, error?: unknown) => void;
    signal?: AbortSignal;
    /** The controllers' time; a test's FakeClock makes schedules fire without waiting for them. Default: the real one. */
    clock?: Clock;
  },
): Promise<RunningManager> {
  const clock = options.clock ?? realClock;
  const clientset = createClientset(client);
  const informers = new InformerFactory(clientset, {
    onError: (kind, error, willRetry) => options.log(`${kind} watch${willRetry ? ' (retrying)' : ''}`, error),
  });
  const settings: ManagerSettings = {
    workers: options.workers,
    nodeMonitorGracePeriodMs: (options.nodeMonitorGracePeriodSeconds ?? 40) * 1000,
    nodeEvictionRate: options.nodeEvictionRate ?? 0.1,
    secondaryNodeEvictionRate: options.secondaryNodeEvictionRate ?? 0.01,
    hpaSyncPeriodMs: (options.hpaSyncPeriodSeconds ?? 15) * 1000,
    hpaDownscaleStabilizationSeconds: options.hpaDownscaleStabilizationSeconds ?? 300,
  };
  // Once the term is over its client refuses every call (CLOSED): the expected way work stops, not worth a line each.
  const stopped = (error: unknown) => options.signal?.aborted === true && hasCode(error, 'CLOSED');
  const ctx: ManagerContext = {
    clientset,
    informers,
    events: (component) =>
      new EventRecorder(
        client,
        component,
        () => new Date(),
        (e) => stopped(e) || options.log(`${component} event`, e),
      ),
    metrics: options.metrics,
    settings,
    onError: (controller, key, error) => stopped(error) || routineConflict(error) || options.log(`${controller} ${key}`, error),
    now: () => new Date(clock.now()),
    clock,
  };
  // Wiring first (informers asked for, handlers queueing keys), then one start of the shared informers.
  const prepared = CONTROLLERS.map((setup) => setup(ctx));
  informers.start();
  // Leadership lost before the caches filled: controllers on a partial cache would
  // see pods missing and create them again, so none is started.
  if (!(await informers.waitForSync(options.signal))) {
    informers.stop();
    return { stop: async () => {} };
  }
  const controllers = prepared.map((controller) => controller.run());
  options.log(`controllers running: ${controllers.length}`);
  return {
    async stop() {
      await Promise.all(controllers.map((c) => c.stop()));
      informers.stop();
    },
  };
}
