import { age, ageMs } from '../format/age.ts';
import { META, fieldsFor, type Column, type KindDef, type Tone } from './kind.ts';
import type { Workload } from './objects.ts';

const ageColumn: Column<Workload> = {
  id: 'age',
  header: 'Age',
  value: (o, c) => age(o.metadata.creationTimestamp, c.now),
  sortValue: (o, c) => ageMs(o.metadata.creationTimestamp, c.now),
};
const containers = (o: Workload) => (o.spec?.template?.spec?.containers ?? []).map((c) => c.name).join(',');
const images = (o: Workload) => (o.spec?.template?.spec?.containers ?? []).map((c) => c.image).join(',');
const desired = (o: Workload) => o.spec?.replicas ?? 1;

/** `ready/desired`, as kubectl's READY column for Deployments and ReplicaSets. */
export function workloadReady(o: Workload): string {
  return `${o.status?.readyReplicas ?? 0}/${desired(o)}`;
}

/** Healthy when every desired replica is available; degraded while some are; down when none are. */
export function workloadHealth(o: Workload): 'healthy' | 'progressing' | 'degraded' {
  const want = desired(o);
  const available = o.status?.availableReplicas ?? 0;
  if (available >= want && (o.status?.replicas ?? 0) <= want) return 'healthy';
  return available > 0 || want === 0 ? 'progressing' : 'degraded';
}

export function workloadTone(o: Workload): Tone {
  return ({ healthy: 'green', progressing: 'yellow', degraded: 'red' } as const)[workloadHealth(o)];
}

/** kubectl renders a label selector as `a=b,c in (x)`. */
export function selectorString(selector: unknown): string {
  if (!selector) return '<none>';
  const s = selector as { matchLabels?: Record<string, string> | null; matchExpressions?: { key?: string | null; operator?: string | null; values?: string[] | null }[] | null };
  const isLabelSelector = 'matchLabels' in s || 'matchExpressions' in s;
  const labels = isLabelSelector ? (s.matchLabels ?? {}) : (selector as Record<string, string>);
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  for (const e of (isLabelSelector ? s.matchExpressions : null) ?? []) {
    const op = e.operator?.toLowerCase();
    if (op === 'exists') parts.push(e.key ?? '');
    else if (op === 'doesnotexist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${op} (${(e.values ?? []).join(',')})`);
  }
  return parts.join(',') || '<none>';
}

const WORKLOAD_SPEC = `replicas template { spec { containers { name image } } }`;
const WORKLOAD_STATUS = `status { replicas readyReplicas availableReplicas conditions { type status reason message } }`;

export const DeploymentKind: KindDef<Workload> = {
  kind: 'Deployment',
  title: 'Deployments',
  path: 'deployments',
  namespaced: true,
  fields: fieldsFor('deployment', 'deployments'),
  listSelection: `${META} spec { ${WORKLOAD_SPEC} paused selector { matchLabels matchExpressions { key operator values } } }
    status { replicas updatedReplicas readyReplicas availableReplicas unavailableReplicas conditions { type status reason message } }`,
  columns: [
    { id: 'ready', header: 'Ready', value: workloadReady, tone: workloadTone },
    { id: 'upToDate', header: 'Up-to-date', value: (o) => o.status?.updatedReplicas ?? 0 },
    { id: 'available', header: 'Available', value: (o) => o.status?.availableReplicas ?? 0 },
    ageColumn,
    { id: 'containers', header: 'Containers', value: containers, wide: true },
    { id: 'images', header: 'Images', value: images, wide: true },
    { id: 'selector', header: 'Selector', value: (o) => selectorString(o.spec?.selector), wide: true },
  ],
  actions: { scale: 'scaleDeployment', restart: 'restartDeployment', pause: 'pauseDeployment', resume: 'resumeDeployment' },
};

const replicaColumns: Column<Workload>[] = [
  { id: 'desired', header: 'Desired', value: desired },
  { id: 'current', header: 'Current', value: (o) => o.status?.replicas ?? 0 },
  { id: 'ready', header: 'Ready', value: (o) => o.status?.readyReplicas ?? 0, tone: workloadTone },
  ageColumn,
  { id: 'containers', header: 'Containers', value: containers, wide: true },
  { id: 'images', header: 'Images', value: images, wide: true },
  { id: 'selector', header: 'Selector', value: (o) => selectorString(o.spec?.selector), wide: true },
];

export const ReplicaSetKind: KindDef<Workload> = {
  kind: 'ReplicaSet',
  title: 'ReplicaSets',
  path: 'replicasets',
  namespaced: true,
  fields: fieldsFor('replicaSet', 'replicaSets'),
  listSelection: `${META} spec { ${WORKLOAD_SPEC} selector { matchLabels matchExpressions { key operator values } } } ${WORKLOAD_STATUS}`,
  columns: replicaColumns,
  actions: { scale: 'scaleReplicaSet' },
};

export const ReplicationControllerKind: KindDef<Workload> = {
  kind: 'ReplicationController',
  title: 'ReplicationControllers',
  path: 'replicationcontrollers',
  namespaced: true,
  fields: fieldsFor('replicationController', 'replicationControllers'),
  listSelection: `${META} spec { ${WORKLOAD_SPEC} selector } ${WORKLOAD_STATUS}`,
  columns: replicaColumns,
  actions: { scale: 'scaleReplicationController' },
};
