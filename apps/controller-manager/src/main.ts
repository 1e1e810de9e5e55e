import { Registry, collectDefaultMetrics } from 'prom-client';
import { WheelhouseClient } from '@wheelhouse/client';
import { LeaderElector, controllerMetrics, serveMetrics } from '@wheelhouse/controller-runtime';
import { configFromEnv } from './config.js';
import { startControllers, type RunningManager } from './manager.js';

const config = configFromEnv();
const log = (message: string, error?: unknown) =>
  process.stderr.write(`${new Date().toISOString()} ${message}${error ? `: ${(error as Error).message ?? String(error)}` : ''}\n`);
const client = new WheelhouseClient({ server: config.server, token: config.token });
const registry = new Registry();
collectDefaultMetrics({ register: registry });
const metrics = controllerMetrics(registry);
const metricsServer = config.metricsPort > 0 ? serveMetrics(registry, config.metricsPort, (e) => log('metrics server', e)) : undefined;
let running: RunningManager | undefined;

// Only the leader runs controllers; a standby takes over within the lease duration.
const elector = new LeaderElector(client, {
  namespace: config.leaseNamespace,
  name: config.leaseName,
  identity: config.identity,
  leaseDurationSeconds: config.leaseDurationSeconds,
  renewDeadlineMs: config.renewDeadlineMs,
  retryPeriodMs: config.retryPeriodMs,
  onStartedLeading: async (signal) => {
    log(`leading as ${config.identity}`);
    running = await startControllers(client, { workers: config.workers, metrics, log, signal });
  },
  onStoppedLeading: () => {
    log('lost leadership; stopping controllers');
    void running?.stop();
    running = undefined;
  },
  onNewLeader: (identity) => log(`leader is ${identity}`),
  onError: (error) => log('leader election', error),
});
elector.start();
log(`controller-manager ${config.identity} talking to ${config.server}`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  await running?.stop().catch((e) => log('stop controllers', e));
  await elector.stop({ release: true }).catch((e) => log('release lease', e));
  client.close();
  metricsServer?.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
