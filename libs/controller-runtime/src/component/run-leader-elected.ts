import { Registry, collectDefaultMetrics } from 'prom-client';
import { WheelhouseClient } from '@wheelhouse/client';
import { realClock, sleep } from '../clock.js';
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
 *
 * Each term of leadership gets its own client, handed to `startWork`. When the term
 * ends (lease lost, or a signal) that client is fenced at once: nothing the term's
 * work does afterwards reaches the API, not even the rest of a reconcile that was
 * half-way through creating pods. The term is over, and the Lease sought again,
 * only once the work has stopped and every call it had sent has settled, so a next
 * term lists a cluster that already holds all of this term's writes.
 * `startWork` must give up when `signal` aborts before its caches have synced.
 */
export function runLeaderElectedComponent(
  name: string,
  config: ComponentConfig,
  startWork: (client: WheelhouseClient, context: { metrics: ControllerMetrics; log: Log; signal: AbortSignal }) => Promise<LeaderWork>,
): void {
  const log: Log = (message, error) => process.stderr.write(`${new Date().toISOString()} ${message}${error ? `: ${(error as Error).message ?? String(error)}` : ''}\n`);
  const client = new WheelhouseClient({ server: config.server, token: config.token });
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = controllerMetrics(registry);
  let stopping = false;
  const metricsServer = config.metricsPort > 0 ? serveMetrics(registry, config.metricsPort, (e) => log('metrics server', e)) : undefined;
  const term = async (signal: AbortSignal) => {
    log(`leading as ${config.identity}`);
    const termClient = new WheelhouseClient({ server: config.server, token: config.token });
    // The fence goes up the moment the term ends, even while startWork is still syncing.
    signal.addEventListener('abort', () => void termClient.drain(), { once: true });
    let work: LeaderWork | undefined;
    try {
      while (!work && !signal.aborted) {
        try {
          work = await startWork(termClient, { metrics, log, signal });
        } catch (error) {
          if (signal.aborted) break;
          log(`starting ${name} failed; retrying`, error);
          await sleep(realClock, config.retryPeriodMs, signal);
        }
      }
      if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    } finally {
      if (!stopping) log(`lost leadership; stopping ${name}`);
      // Controllers halt at their next call (it fails with CLOSED), then informers stop.
      await work?.stop().catch((e) => log(`stop ${name}`, e));
      await termClient.drain();
      termClient.close();
    }
  };

  const elector = new LeaderElector(client, {
    namespace: config.leaseNamespace,
    name: config.leaseName,
    identity: config.identity,
    leaseDurationSeconds: config.leaseDurationSeconds,
    renewDeadlineMs: config.renewDeadlineMs,
    retryPeriodMs: config.retryPeriodMs,
    onStartedLeading: term,
    onStoppedLeading: () => log(`${name} stopped leading`),
    onNewLeader: (identity) => log(`leader is ${identity}`),
    onError: (error) => log('leader election', error),
  });
  elector.start();
  log(`${name} ${config.identity} talking to ${config.server}`);

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    // Ends the term (its work stopped and drained) before releasing the Lease.
    await elector.stop({ release: true }).catch((e) => log('release lease', e));
    client.close();
    metricsServer?.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
