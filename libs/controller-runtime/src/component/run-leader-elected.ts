import { Registry, collectDefaultMetrics } from 'prom-client';
import { WheelhouseClient } from '@wheelhouse/client';
import { LeaderElector } from '../leader-election.js';
import { controllerMetrics, type ControllerMetrics } from '../metrics.js';
import { serveMetrics } from './metrics-server.js';
import type { ComponentConfig } from './config.js';

export type Log = (message: string, error?: unknown) => void;

export interface LeaderWork {
  stop(): Promise<void>;
}

/**
 * The life of a component process (controller-manager, scheduler): only the lease holder
 * works, a standby takes over within the lease duration; /metrics on its own port;
 * SIGTERM or SIGINT stops the work, releases the lease and exits 0.
 */
export function runLeaderElectedComponent(
  name: string,
  config: ComponentConfig,
  startWork: (client: WheelhouseClient, context: { metrics: ControllerMetrics; log: Log; signal: AbortSignal }) => Promise<LeaderWork>,
): void {
  const log: Log = (message, error) =>
    process.stderr.write(`${new Date().toISOString()} ${message}${error ? `: ${(error as Error).message ?? String(error)}` : ''}\n`);
  const client = new WheelhouseClient({ server: config.server, token: config.token });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = controllerMetrics(registry);
  const metricsServer = config.metricsPort > 0 ? serveMetrics(registry, config.metricsPort, (e) => log('metrics server', e)) : undefined;
  let work: LeaderWork | undefined;

  const elector = new LeaderElector(client, {
    namespace: config.leaseNamespace,
    name: config.leaseName,
    identity: config.identity,
    leaseDurationSeconds: config.leaseDurationSeconds,
    renewDeadlineMs: config.renewDeadlineMs,
    retryPeriodMs: config.retryPeriodMs,
    onStartedLeading: async (signal) => {
      log(`leading as ${config.identity}`);
      work = await startWork(client, { metrics, log, signal });
    },
    onStoppedLeading: () => {
      log(`lost leadership; stopping ${name}`);
      void work?.stop();
      work = undefined;
    },
    onNewLeader: (identity) => log(`leader is ${identity}`),
    onError: (error) => log('leader election', error),
  });
  elector.start();
  log(`${name} ${config.identity} talking to ${config.server}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await work?.stop().catch((e) => log(`stop ${name}`, e));
    await elector.stop({ release: true }).catch((e) => log('release lease', e));
    client.close();
    metricsServer?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
