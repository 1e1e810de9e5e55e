import { componentConfig, type ComponentConfig } from '@wheelhouse/controller-runtime';

/** Settings of one scheduler process; kube-scheduler serves its metrics on 10259. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ComponentConfig {
  return componentConfig(env, { leaseName: 'wheelhouse-scheduler', metricsPortEnv: 'WHEELHOUSE_SCHEDULER_METRICS_PORT', metricsPortDefault: 10259 });
}
