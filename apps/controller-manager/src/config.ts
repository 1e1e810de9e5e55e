import { resolveToken } from '@wheelhouse/controller-runtime';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';

/** Settings of one controller-manager process (API.md "Running"). */
export interface ManagerConfig {
  server: string;
  token: string;
  identity: string;
  leaseNamespace: string;
  leaseName: string;
  leaseDurationSeconds: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
  workers: number;
  /** Serves /metrics and /healthz when above 0 (kube-controller-manager uses 10257). */
  metricsPort: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ManagerConfig {
  const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    server: env.WHEELHOUSE_SERVER ?? `http://127.0.0.1:${env.PORT ?? 4000}/graphql`,
    token: resolveToken(env),
    identity: `${hostname()}_${process.pid}_${randomBytes(3).toString('hex')}`,
    leaseNamespace: 'kube-system',
    leaseName: 'wheelhouse-controller-manager',
    leaseDurationSeconds: num('WHEELHOUSE_LEASE_DURATION_SECONDS', 15),
    renewDeadlineMs: num('WHEELHOUSE_RENEW_DEADLINE_MS', 10_000),
    retryPeriodMs: num('WHEELHOUSE_RETRY_PERIOD_MS', 2_000),
    workers: num('WHEELHOUSE_CONTROLLER_WORKERS', 4),
    metricsPort: num('WHEELHOUSE_CONTROLLER_METRICS_PORT', 10257),
  };
}
