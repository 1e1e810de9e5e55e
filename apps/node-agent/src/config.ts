// Settings of one node agent process, from flags first, then the environment, then defaults.
import { readFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveToken } from '@wheelhouse/controller-runtime';
import type { Taint } from '@wheelhouse/model';

export type RuntimeName = 'process' | 'simulated';

export interface AgentConfig {
  server: string;
  token: string;
  runtime: RuntimeName;
  /** The nodes this process registers and runs (one for `process`, N for `simulated`). */
  nodeNames: string[];
  /** kwok mode: also run every Node annotated `wheelhouse.io/simulated: "true"`. */
  manageAnnotated: boolean;
  capacity: { cpu: string; memory: string; pods: string };
  labels: Record<string, string>;
  taints: Taint[];
  /** Given: used for the (single) node; otherwise each node gets a free /24 of 127.64.0.0/10. */
  podCIDR?: string;
  leaseDurationSeconds: number;
  leaseRenewIntervalMs: number;
  /** How often conditions are re-checked, and how often they are reported even when unchanged. */
  nodeStatusUpdateMs: number;
  nodeStatusReportMs: number;
  /** Kubelet HTTP (logs, stats); 0 picks a free port. */
  port: number;
  /** Pod directories and logs (process runtime). */
  dataDir: string;
  /** Crash-loop back-off: first delay and cap (Kubernetes: 10 s, 5 min). */
  backoffInitialMs: number;
  backoffMaxMs: number;
  /** Simulated runtime: container start delay range when a pod does not say. */
  simStartDelayMs: [number, number];
  /** Pod status writes are coalesced for this long and sent in batches of at most this many. */
  statusBatchMs: number;
  statusBatchMax: number;
  /** A new pod's Pending status waits this long for its Running one (one write instead of two). */
  statusFirstPendingDelayMs: number;
  /** On SIGTERM, leave the pods' processes running (re-adopted by the next agent). */
  leavePodsRunning: boolean;
  /** The kubelet's --cluster-dns (the kube-dns Service's address; empty: pods use the host's resolver) and --cluster-domain. */
  clusterDNS: string[];
  clusterDomain: string;
  /** The host's resolver configuration (the kubelet's --resolv-conf), for dnsPolicy Default. */
  resolvConf: string;
  /** Carry Service traffic on this host (process runtime only; one such agent per host). Otherwise rules are computed and timed only. */
  serviceProxy: boolean;
}

const FLAGS = {
  'node-name': { type: 'string' },
  runtime: { type: 'string' },
  nodes: { type: 'string' },
  'node-prefix': { type: 'string' },
  'manage-annotated': { type: 'boolean' },
  cpu: { type: 'string' },
  memory: { type: 'string' },
  pods: { type: 'string' },
  labels: { type: 'string' },
  taints: { type: 'string' },
  'pod-cidr': { type: 'string' },
  port: { type: 'string' },
  'lease-duration-seconds': { type: 'string' },
  'lease-renew-interval-ms': { type: 'string' },
  'node-status-update-ms': { type: 'string' },
  'node-status-report-ms': { type: 'string' },
  'data-dir': { type: 'string' },
  'leave-pods-running': { type: 'boolean' },
  'service-proxy': { type: 'string' },
  'cluster-dns': { type: 'string' },
  'cluster-domain': { type: 'string' },
  'resolv-conf': { type: 'string' },
} as const;

export function configFrom(argv: string[], env: NodeJS.ProcessEnv = process.env): AgentConfig {
  const { values: flags } = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false });
  const pick = (flag: keyof typeof flags, envName: string): string | undefined => {
    const value = flags[flag];
    if (typeof value === 'string' && value !== '') return value;
    return env[envName] || undefined;
  };
  const num = (flag: keyof typeof flags, envName: string, fallback: number): number => {
    const raw = pick(flag, envName);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${flag}: not a non-negative number: ${raw}`);
    return value;
  };
  const envNum = (name: string, fallback: number) => (env[name] ? Number(env[name]) : fallback);

  const runtime = (pick('runtime', 'WHEELHOUSE_NODE_RUNTIME') ?? 'process') as RuntimeName;
  if (runtime !== 'process' && runtime !== 'simulated') throw new Error(`--runtime: must be process or simulated, not ${runtime}`);
  const manageAnnotated = flags['manage-annotated'] === true || env.WHEELHOUSE_MANAGE_ANNOTATED === 'true';
  if (manageAnnotated && runtime !== 'simulated') throw new Error('--manage-annotated needs --runtime simulated');

  const nodesGiven = pick('nodes', 'WHEELHOUSE_NODES') !== undefined;
  const count = num('nodes', 'WHEELHOUSE_NODES', manageAnnotated ? 0 : 1);
  if (runtime === 'process' && count !== 1) throw new Error('--nodes: the process runtime runs exactly one node');
  const nodeName = pick('node-name', 'WHEELHOUSE_NODE_NAME') ?? hostname().toLowerCase();
  const prefix = pick('node-prefix', 'WHEELHOUSE_NODE_PREFIX') ?? 'sim-node-';
  // One node is named after the host (or --node-name); --nodes N gives <prefix>0 … <prefix>N-1.
  const nodeNames = nodesGiven || manageAnnotated ? Array.from({ length: count }, (_, i) => `${prefix}${i}`) : [nodeName];

  const dataDir = pick('data-dir', 'WHEELHOUSE_AGENT_DATA_DIR') ?? join(env.WHEELHOUSE_DATA_DIR ?? '.wheelhouse', 'node-agent');
  const hostDefaults =
    runtime === 'process' ? { cpu: String(cpus().length), memory: `${Math.floor(totalmem() / 1024 / 1024)}Mi`, pods: '110' } : { cpu: '4', memory: '8Gi', pods: '110' };
  const [minDelay, maxDelay] = (env.WHEELHOUSE_SIM_START_DELAY_MS ?? '0-200').split('-').map(Number);

  return {
    server: env.WHEELHOUSE_SERVER ?? `http://127.0.0.1:${env.PORT ?? 4000}/graphql`,
    // A simulated fleet (kwok) runs many nodes with one credential: the admin's, as kwok does; one node bootstraps from the node token.
    token: nodeNames.length === 1 && !manageAnnotated ? agentToken(env) : resolveToken(env),
    runtime,
    nodeNames,
    manageAnnotated,
    capacity: {
      cpu: pick('cpu', 'WHEELHOUSE_NODE_CPU') ?? hostDefaults.cpu,
      memory: pick('memory', 'WHEELHOUSE_NODE_MEMORY') ?? hostDefaults.memory,
      pods: pick('pods', 'WHEELHOUSE_NODE_PODS') ?? hostDefaults.pods,
    },
    labels: parseLabels(pick('labels', 'WHEELHOUSE_NODE_LABELS') ?? ''),
    taints: parseTaints(pick('taints', 'WHEELHOUSE_NODE_TAINTS') ?? ''),
    podCIDR: pick('pod-cidr', 'WHEELHOUSE_POD_CIDR'),
    leaseDurationSeconds: num('lease-duration-seconds', 'WHEELHOUSE_NODE_LEASE_DURATION_SECONDS', 40),
    leaseRenewIntervalMs: num('lease-renew-interval-ms', 'WHEELHOUSE_NODE_LEASE_RENEW_MS', 10_000),
    nodeStatusUpdateMs: num('node-status-update-ms', 'WHEELHOUSE_NODE_STATUS_UPDATE_MS', 10_000),
    nodeStatusReportMs: num('node-status-report-ms', 'WHEELHOUSE_NODE_STATUS_REPORT_MS', 300_000),
    port: num('port', 'WHEELHOUSE_KUBELET_PORT', 10250),
    dataDir,
    backoffInitialMs: envNum('WHEELHOUSE_BACKOFF_INITIAL_MS', 10_000),
    backoffMaxMs: envNum('WHEELHOUSE_BACKOFF_MAX_MS', 300_000),
    simStartDelayMs: [minDelay ?? 0, maxDelay ?? minDelay ?? 0],
    statusBatchMs: envNum('WHEELHOUSE_STATUS_BATCH_MS', 100),
    statusBatchMax: envNum('WHEELHOUSE_STATUS_BATCH_MAX', 500),
    statusFirstPendingDelayMs: envNum('WHEELHOUSE_STATUS_FIRST_PENDING_DELAY_MS', 500),
    leavePodsRunning: flags['leave-pods-running'] === true || env.WHEELHOUSE_LEAVE_PODS_RUNNING === 'true',
    serviceProxy: serviceProxyFrom(flags['service-proxy'], env.WHEELHOUSE_SERVICE_PROXY, runtime),
    clusterDNS: (pick('cluster-dns', 'WHEELHOUSE_CLUSTER_DNS') ?? kubeDnsAddress(env.WHEELHOUSE_SERVICE_CIDR?.trim() || '127.16.0.0/12'))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    clusterDomain: pick('cluster-domain', 'WHEELHOUSE_CLUSTER_DOMAIN') ?? 'cluster.local',
    resolvConf: pick('resolv-conf', 'WHEELHOUSE_RESOLV_CONF') ?? '/etc/resolv.conf',
  };
}

/** The 10th address of the service range, where the DNS component serves kube-dns (apps/dns). */
export function kubeDnsAddress(serviceCidr: string): string {
  const [address, prefix] = serviceCidr.split('/');
  const base = (address ?? '').split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(prefix));
  const n = base - (base % size) + 10;
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/**
 * On by default for the process runtime; a simulated node never listens. The variable is
 * shared by every agent `npm start` runs, so only the flag is refused for a simulated one.
 */
function serviceProxyFrom(flag: string | undefined, fromEnv: string | undefined, runtime: RuntimeName): boolean {
  const raw = flag || fromEnv || undefined;
  if (raw !== undefined && raw !== 'true' && raw !== 'false') throw new Error(`--service-proxy: must be true or false, not ${raw}`);
  if (flag === 'true' && runtime !== 'process') throw new Error('--service-proxy true needs --runtime process');
  return runtime === 'process' && raw !== 'false';
}

/** WHEELHOUSE_TOKEN, a token file, the node token the API wrote, else the admin token. */
export function agentToken(env: NodeJS.ProcessEnv): string {
  if (env.WHEELHOUSE_TOKEN) return env.WHEELHOUSE_TOKEN;
  const files = [env.WHEELHOUSE_TOKEN_FILE, join(env.WHEELHOUSE_DATA_DIR ?? '.wheelhouse', 'node-token')];
  for (const file of files) {
    if (!file) continue;
    try {
      const token = readFileSync(file, 'utf8').trim();
      if (token) return token;
    } catch {
      // next candidate
    }
  }
  return resolveToken(env);
}

/** `a=b,c=d` */
export function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`--labels: expected key=value, got ${part}`);
    labels[part.slice(0, eq)] = part.slice(eq + 1);
  }
  return labels;
}

/** kubectl taint syntax: `key=value:Effect` or `key:Effect`, comma-separated. */
export function parseTaints(text: string): Taint[] {
  const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
  return text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.lastIndexOf(':');
      const effect = part.slice(colon + 1);
      if (colon <= 0 || !effects.includes(effect)) throw new Error(`--taints: expected key[=value]:Effect, got ${part}`);
      const [key, value] = part.slice(0, colon).split('=', 2) as [string, string | undefined];
      return value === undefined ? { key, effect: effect as Taint['effect'] } : { key, value, effect: effect as Taint['effect'] };
    });
}
