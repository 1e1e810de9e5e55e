import { runLeaderElectedComponent } from '@wheelhouse/controller-runtime';
import { configFromEnv } from './config.js';
import { startControllers } from './manager.js';

const config = configFromEnv();
runLeaderElectedComponent('controller-manager', config, (client, { metrics, log, signal }) =>
  startControllers(client, {
    workers: config.workers,
    nodeMonitorGracePeriodSeconds: config.nodeMonitorGracePeriodSeconds,
    nodeEvictionRate: config.nodeEvictionRate,
    secondaryNodeEvictionRate: config.secondaryNodeEvictionRate,
    hpaSyncPeriodSeconds: config.hpaSyncPeriodSeconds,
    hpaDownscaleStabilizationSeconds: config.hpaDownscaleStabilizationSeconds,
    metrics,
    log,
    signal,
  }),
);
