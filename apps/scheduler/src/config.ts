import { resolveToken } from '@wheelhouse/controller-runtime';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

/** Settings of one scheduler process. */
export interface SchedulerProcessConfig {
  server: string;
  token: string;
  identity: string;
  leaseNamespace: string;
  leaseName: string;
  leaseDurationSeconds: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
  /** Serves /metrics and /healthz when above 0 (kube-scheduler uses 10259). */
  metricsPort: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): SchedulerProcessConfig {
  const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    server: env.WHEELHOUSE_SERVER ?? `http://127.0.0.1:${env.PORT ?? 4000}/graphql`,
    token: resolveToken(env),
    identity: `${hostname()}_${process.pid}_${randomBytes(3).toString('hex')}`,
    leaseNamespace: 'kube-system',
    leaseName: 'wheelhouse-scheduler',
    leaseDurationSeconds: num('WHEELHOUSE_LEASE_DURATION_SECONDS', 15),
    renewDeadlineMs: num('WHEELHOUSE_RENEW_DEADLINE_MS', 10_000),
    retryPeriodMs: num('WHEELHOUSE_RETRY_PERIOD_MS', 2_000),
    metricsPort: num('WHEELHOUSE_SCHEDULER_METRICS_PORT', 10259),
  };
}
