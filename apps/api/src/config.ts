import { limitsFromEnv, type ApiLimits } from './limits/limits.js';
import type { AuditLogOptions } from './audit/audit-log.js';
import type { Keyring } from '@wheelhouse/db';
import type { AllocationRanges } from '@wheelhouse/db';
import { serviceRangesFromEnv } from './services/service-repair.js';

/** Settings of one API process, from the environment (see API.md "Running"). */
export interface ApiConfig {
  databaseUrl: string;
  port: number;
  host: string;
  adminToken?: string;
  /** The node agents' token (role node); unset: generated into `<dataDir>/node-token`. */
  nodeToken?: string;
  /** Static users (kube-apiserver's --token-auth-file): CSV `token,user,uid[,"groups"]`. */
  tokenAuthFile?: string;
  dataDir: string;
  watchRetentionSeconds: number;
  watchMinRevisions: number;
  compactionIntervalMs: number;
  bookmarkIntervalMs: number;
  pollIntervalMs: number;
  dbPoolSize: number;
  /** tolerationSeconds of the not-ready/unreachable tolerations every pod gets (DefaultTolerationSeconds); absent: 300. */
  defaultTolerationSeconds?: number;
  /** Serve HTTPS with this certificate (README "Security"); absent: plain HTTP. */
  tls?: { certFile: string; keyFile: string };
  /** The audit log (README "Security"); absent: no audit log. */
  audit?: AuditLogOptions;
  /** Request, query, list and rate limits; absent: DEFAULT_LIMITS. */
  limits?: ApiLimits;
  /** Keys Secrets are encrypted with at rest; absent: WHEELHOUSE_ENCRYPTION_KEY(S), else `<dataDir>/encryption-keys` (made on first start). */
  keyring?: Keyring;
  /** Where ClusterIPs and NodePorts come from; absent: 127.16.0.0/12 and 30000-32767. */
  serviceRanges?: AllocationRanges;
  /** How often the ClusterIP/NodePort repair pass runs (WHEELHOUSE_SERVICE_REPAIR_INTERVAL_MS, default 3 min; 0: at start only). */
  serviceRepairIntervalMs?: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set (`npm start` sets it, or starts an embedded PostgreSQL)');
  const num = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);
  return {
    databaseUrl,
    port: num('PORT', 4000),
    host: env.HOST ?? '127.0.0.1',
    adminToken: env.WHEELHOUSE_ADMIN_TOKEN || undefined,
    nodeToken: env.WHEELHOUSE_NODE_TOKEN || undefined,
    tokenAuthFile: env.WHEELHOUSE_TOKEN_AUTH_FILE || undefined,
    dataDir: env.WHEELHOUSE_DATA_DIR ?? '.wheelhouse',
    watchRetentionSeconds: num('WHEELHOUSE_WATCH_RETENTION_SECONDS', 3600),
    watchMinRevisions: num('WHEELHOUSE_WATCH_MIN_REVISIONS', 10_000),
    compactionIntervalMs: num('WHEELHOUSE_COMPACTION_INTERVAL_MS', 60_000),
    bookmarkIntervalMs: num('WHEELHOUSE_BOOKMARK_INTERVAL_MS', 30_000),
    pollIntervalMs: num('WHEELHOUSE_WATCH_POLL_MS', 1000),
    dbPoolSize: num('WHEELHOUSE_DB_POOL_SIZE', 10),
    defaultTolerationSeconds: num('WHEELHOUSE_DEFAULT_TOLERATION_SECONDS', 300),
    limits: limitsFromEnv(env),
    audit: auditFromEnv(env),
    serviceRanges: serviceRangesFromEnv(env),
    serviceRepairIntervalMs: num('WHEELHOUSE_SERVICE_REPAIR_INTERVAL_MS', 180_000),
  };
}

/**
 * WHEELHOUSE_AUDIT_LOG_PATH turns the audit log on (kube-apiserver's --audit-log-path);
 * WHEELHOUSE_AUDIT_LOG_MAXSIZE (default 100M) and WHEELHOUSE_AUDIT_LOG_MAXBACKUP (default
 * 10) rotate it; WHEELHOUSE_AUDIT_LOG_READS=1 logs reads and watches too, not only writes.
 */
export function auditFromEnv(env: NodeJS.ProcessEnv): AuditLogOptions | undefined {
  const path = env.WHEELHOUSE_AUDIT_LOG_PATH?.trim();
  if (!path || path === 'off') return undefined;
  const maxSize = env.WHEELHOUSE_AUDIT_LOG_MAXSIZE?.trim() || '100M';
  if (!/^\d+[BKMG]$/.test(maxSize)) throw new Error(`WHEELHOUSE_AUDIT_LOG_MAXSIZE: a size such as 100M or 512K, got "${maxSize}"`);
  const maxBackups = Number(env.WHEELHOUSE_AUDIT_LOG_MAXBACKUP ?? 10);
  if (!Number.isInteger(maxBackups) || maxBackups < 1) throw new Error(`WHEELHOUSE_AUDIT_LOG_MAXBACKUP: a positive integer, got "${env.WHEELHOUSE_AUDIT_LOG_MAXBACKUP}"`);
  return { path, maxSize, maxBackups, everything: env.WHEELHOUSE_AUDIT_LOG_READS === '1' };
}
