import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { resolveToken } from './token.js';

/** Settings every leader-elected component process shares (API.md "Running"). */
export interface ComponentConfig {
  server: string;
  token: string;
  /** Unique per process, so two replicas never both think they hold the lease. */
  identity: string;
  leaseNamespace: string;
  leaseName: string;
  leaseDurationSeconds: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
  /** Serves /metrics and /healthz when above 0. */
  metricsPort: number;
}

export function componentConfig(env: NodeJS.ProcessEnv, component: { leaseName: string; metricsPortEnv: string; metricsPortDefault: number }): ComponentConfig {
  const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    server: env.WHEELHOUSE_SERVER ?? `http://127.0.0.1:${env.PORT ?? 4000}/graphql`,
    token: resolveToken(env),
    identity: `${hostname()}_${process.pid}_${randomBytes(3).toString('hex')}`,
    leaseNamespace: 'kube-system',
    leaseName: component.leaseName,
    leaseDurationSeconds: num('WHEELHOUSE_LEASE_DURATION_SECONDS', 15),
    renewDeadlineMs: num('WHEELHOUSE_RENEW_DEADLINE_MS', 10_000),
    retryPeriodMs: num('WHEELHOUSE_RETRY_PERIOD_MS', 2_000),
    metricsPort: num(component.metricsPortEnv, component.metricsPortDefault),
  };
}
