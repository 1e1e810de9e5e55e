import type { Clientset } from '@wheelhouse/client';
import type { Clock, ControllerHandle, ControllerMetrics, EventRecorder, InformerFactory } from '@wheelhouse/controller-runtime';

/** Settings the controllers read (API.md "Running"). */
export interface ManagerSettings {
  /** Keys each workload controller reconciles at once. */
  workers: number;
  /** node-monitor-grace-period in ms. */
  nodeMonitorGracePeriodMs: number;
  /** --node-eviction-rate and --secondary-node-eviction-rate (nodes/s per zone). */
  nodeEvictionRate: number;
  secondaryNodeEvictionRate: number;
  /** How often each HPA is reconciled (--horizontal-pod-autoscaler-sync-period); optional for older callers (15 s). */
  hpaSyncPeriodMs?: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization in seconds (300). */
  hpaDownscaleStabilizationSeconds?: number;
}

/**
 * What every controller of the manager shares: one typed clientset, one informer per kind
 * (the process's InformerFactory: ask it for `informerFor('Pod')`, never build an
 * informer), events, metrics.
 */
export interface ManagerContext {
  clientset: Clientset;
  informers: InformerFactory;
  events: (component: string) => EventRecorder;
  metrics?: ControllerMetrics;
  settings: ManagerSettings;
  onError(controller: string, key: string, error: unknown): void;
  /** The time controllers decide on: `clock.now()`. */
  now(): Date;
  /** Waits that follow the time of day (the CronJob controller's next schedule time); tests drive it. */
  clock: Clock;
}

/**
 * A controller wired to the shared informers: its handlers only queue keys. `run` starts
 * its workers, which the manager does once every informer has synced (client-go's
 * WaitForCacheSync before Run), so no reconcile ever reads a partial cache.
 */
export interface PreparedController {
  name: string;
  run(): ControllerHandle;
}

/** Builds one controller on the manager's context: controllers.ts lists them. */
export type ControllerSetup = (ctx: ManagerContext) => PreparedController;
