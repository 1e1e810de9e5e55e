import { componentConfig, type ComponentConfig } from '@wheelhouse/controller-runtime';

/** Settings of one controller-manager process (API.md "Running"). */
export interface ManagerConfig extends ComponentConfig {
  workers: number;
  /** node-monitor-grace-period: a node whose Lease is not renewed this long becomes Unknown. */
  nodeMonitorGracePeriodSeconds: number;
  /** Nodes per second per zone that may get a NoExecute taint (kube-controller-manager's --node-eviction-rate). */
  nodeEvictionRate: number;
  /** The same in a partially disrupted large zone (--secondary-node-eviction-rate). */
  secondaryNodeEvictionRate: number;
  /** --horizontal-pod-autoscaler-sync-period and --horizontal-pod-autoscaler-downscale-stabilization. */
  hpaSyncPeriodSeconds: number;
  hpaDownscaleStabilizationSeconds: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ManagerConfig {
  // kube-controller-manager serves its metrics on 10257.
  const shared = componentConfig(env, { leaseName: 'wheelhouse-controller-manager', metricsPortEnv: 'WHEELHOUSE_CONTROLLER_METRICS_PORT', metricsPortDefault: 10257 });
  return {
    ...shared,
    workers: env.WHEELHOUSE_CONTROLLER_WORKERS ? Number(env.WHEELHOUSE_CONTROLLER_WORKERS) : 4,
    nodeMonitorGracePeriodSeconds: env.WHEELHOUSE_NODE_MONITOR_GRACE_PERIOD_SECONDS ? Number(env.WHEELHOUSE_NODE_MONITOR_GRACE_PERIOD_SECONDS) : 40,
    nodeEvictionRate: env.WHEELHOUSE_NODE_EVICTION_RATE ? Number(env.WHEELHOUSE_NODE_EVICTION_RATE) : 0.1,
    secondaryNodeEvictionRate: env.WHEELHOUSE_SECONDARY_NODE_EVICTION_RATE ? Number(env.WHEELHOUSE_SECONDARY_NODE_EVICTION_RATE) : 0.01,
    hpaSyncPeriodSeconds: env.WHEELHOUSE_HPA_SYNC_PERIOD_SECONDS ? Number(env.WHEELHOUSE_HPA_SYNC_PERIOD_SECONDS) : 15,
    hpaDownscaleStabilizationSeconds: env.WHEELHOUSE_HPA_DOWNSCALE_STABILIZATION_SECONDS ? Number(env.WHEELHOUSE_HPA_DOWNSCALE_STABILIZATION_SECONDS) : 300,
  };
}
