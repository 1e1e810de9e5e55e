/** kubectl's `get` columns per kind (pkg/printers/internalversion). */
import { age } from './age.js';
import type { KubeObj } from './object.js';
import { NETWORK_TABLES, NETWORK_WIDE } from './network-columns.js';
import { BATCH_TABLES, BATCH_WIDE } from './batch-columns.js';

export type { Columns } from './columns-type.js';
import type { Columns } from './columns-type.js';

const n = (v: unknown) => (typeof v === 'number' ? v : 0);
const keyCount = (map: unknown) => (map && typeof map === 'object' ? Object.keys(map).length : 0);
const ageCol = (o: KubeObj, now: number) => age(o.metadata.creationTimestamp, now);

/** kubectl's pod STATUS: terminating, then the pod reason, then the first waiting/terminated container reason, else the phase. */
export function podStatus(pod: KubeObj): string {
  const status = pod.status ?? {};
  let reason: string = status.reason || status.phase || 'Unknown';
  for (const c of [...(status.containerStatuses ?? [])].reverse()) {
    const state = c.state ?? {};
    if (state.waiting?.reason) reason = state.waiting.reason;
    else if (state.terminated) reason = state.terminated.reason || (state.terminated.signal ? `Signal:${state.terminated.signal}` : `ExitCode:${state.terminated.exitCode ?? 0}`);
  }
  if (pod.metadata.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

export function podReady(pod: KubeObj): string {
  const total = (pod.spec?.containers ?? []).length;
  const ready = (pod.status?.containerStatuses ?? []).filter((c: { ready?: boolean }) => c.ready).length;
  return `${ready}/${total}`;
}

export function podRestarts(pod: KubeObj): string {
  return String((pod.status?.containerStatuses ?? []).reduce((sum: number, c: { restartCount?: number }) => sum + n(c.restartCount), 0));
}

export function nodeStatus(node: KubeObj): string {
  const ready = (node.status?.conditions ?? []).find((c: { type?: string }) => c.type === 'Ready');
  const base = ready?.status === 'True' ? 'Ready' : ready?.status === 'False' ? 'NotReady' : 'Unknown';
  return node.spec?.unschedulable ? `${base},SchedulingDisabled` : base;
}

export function nodeRoles(node: KubeObj): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean);
  return roles.length ? roles.sort().join(',') : '<none>';
}

/** `pod/web-1`: the OBJECT column of events. */
export const eventObject = (e: KubeObj) => `${(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`;

const eventLastSeen = (e: KubeObj, now: number) => age(e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp, now);

const replicated: Columns = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  row: (o, now) => [o.metadata.name ?? '', String(n(o.spec?.replicas)), String(n(o.status?.replicas)), String(n(o.status?.readyReplicas)), ageCol(o, now)],
};

const TABLES: Record<string, Columns> = {
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    row: (o, now) => [o.metadata.name ?? '', podReady(o), podStatus(o), podRestarts(o), ageCol(o, now)],
  },
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    row: (o, now) => [
      o.metadata.name ?? '',
      `${n(o.status?.readyReplicas)}/${n(o.spec?.replicas)}`,
      String(n(o.status?.updatedReplicas)),
      String(n(o.status?.availableReplicas)),
      ageCol(o, now),
    ],
  },
  ReplicaSet: replicated,
  ReplicationController: replicated,
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    row: (o, now) => [o.metadata.name ?? '', nodeStatus(o), nodeRoles(o), ageCol(o, now), o.status?.nodeInfo?.kubeletVersion ?? ''],
  },
  Namespace: {
    headers: ['NAME', 'STATUS', 'AGE'],
    row: (o, now) => [o.metadata.name ?? '', o.status?.phase ?? 'Active', ageCol(o, now)],
  },
  Event: {
    headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    row: (o, now) => [eventLastSeen(o, now), o.type ?? '', o.reason ?? '', eventObject(o), o.message ?? ''],
  },
  ConfigMap: { headers: ['NAME', 'DATA', 'AGE'], row: (o, now) => [o.metadata.name ?? '', String(keyCount(o.data) + keyCount(o.binaryData)), ageCol(o, now)] },
  Secret: { headers: ['NAME', 'TYPE', 'DATA', 'AGE'], row: (o, now) => [o.metadata.name ?? '', o.type ?? '', String(keyCount(o.data)), ageCol(o, now)] },
  ...NETWORK_TABLES,
  ...BATCH_TABLES,
};

const GENERIC: Columns = { headers: ['NAME', 'AGE'], row: (o, now) => [o.metadata.name ?? '', ageCol(o, now)] };

const images = (o: KubeObj) => (o.spec?.template?.spec?.containers ?? []) as { name?: string; image?: string }[];
const selectorText = (sel: unknown): string => {
  const labels = ((sel as { matchLabels?: Record<string, string> })?.matchLabels ?? sel ?? {}) as Record<string, string>;
  const text = Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return text || '<none>';
};
const workloadWide = (o: KubeObj) => [
  images(o)
    .map((c) => c.name ?? '')
    .join(','),
  images(o)
    .map((c) => c.image ?? '')
    .join(','),
  selectorText(o.spec?.selector),
];

const nodeAddress = (o: KubeObj, type: string) => ((o.status?.addresses ?? []) as { type?: string; address?: string }[]).find((a) => a.type === type)?.address || '<none>';
const nodeWide = (o: KubeObj) => {
  const info = o.status?.nodeInfo ?? {};
  return [nodeAddress(o, 'InternalIP'), nodeAddress(o, 'ExternalIP'), info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>'];
};

/** Extra columns of `-o wide`. */
const WIDE: Record<string, Columns> = {
  Pod: { headers: ['IP', 'NODE'], row: (o) => [o.status?.podIP || '<none>', o.spec?.nodeName || '<none>'] },
  Node: { headers: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'], row: nodeWide },
  Deployment: { headers: ['CONTAINERS', 'IMAGES', 'SELECTOR'], row: workloadWide },
  ReplicaSet: { headers: ['CONTAINERS', 'IMAGES', 'SELECTOR'], row: workloadWide },
  ReplicationController: { headers: ['CONTAINERS', 'IMAGES', 'SELECTOR'], row: workloadWide },
  ...NETWORK_WIDE,
  ...BATCH_WIDE,
};

/**
 * Columns of a kind; with -A a NAMESPACE column comes first. With `kindPrefix` (several
 * kinds in one `get`) names read `deployment.apps/web`, as kubectl prints them.
 */
export function columnsFor(kind: string, options: { wide?: boolean; allNamespaces?: boolean; kindPrefix?: string } = {}): Columns {
  const base = TABLES[kind] ?? GENERIC;
  const wide = options.wide ? WIDE[kind] : undefined;
  const headers = [...(options.allNamespaces ? ['NAMESPACE'] : []), ...base.headers, ...(wide?.headers ?? [])];
  const nameAt = options.kindPrefix ? headers.indexOf('NAME') : -1;
  return {
    headers,
    row: (o, now) => {
      const cells = [...(options.allNamespaces ? [o.metadata.namespace ?? ''] : []), ...base.row(o, now), ...(wide?.row(o, now) ?? [])];
      if (nameAt >= 0) cells[nameAt] = `${options.kindPrefix}/${cells[nameAt]}`;
      return cells;
    },
  };
}
