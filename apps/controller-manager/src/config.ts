import { componentConfig, type ComponentConfig } from '@wheelhouse/controller-runtime';

/** Settings of one controller-manager process (API.md "Running"). */
export interface ManagerConfig extends ComponentConfig {
  workers: number;
  /** node-monitor-grace-period: a node whose Lease is not renewed this long becomes Unknown. */
  nodeMonitorGracePeriodSeconds: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ManagerConfig {
  // kube-controller-manager serves its metrics on 10257.
  const shared = componentConfig(env, { leaseName: 'wheelhouse-controller-manager', metricsPortEnv: 'WHEELHOUSE_CONTROLLER_METRICS_PORT', metricsPortDefault: 10257 });
  return {
    ...shared,
    workers: env.WHEELHOUSE_CONTROLLER_WORKERS ? Number(env.WHEELHOUSE_CONTROLLER_WORKERS) : 4,
    nodeMonitorGracePeriodSeconds: env.WHEELHOUSE_NODE_MONITOR_GRACE_PERIOD_SECONDS ? Number(env.WHEELHOUSE_NODE_MONITOR_GRACE_PERIOD_SECONDS) : 40,
  };
}
