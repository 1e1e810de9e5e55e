import type { LabelSelector } from '@wheelhouse/model';
import { selectorText } from '@wheelhouse/printers';
import { META, type Tone } from './kind.ts';
import { listKind } from './list-kind.ts';
import type { Workload } from './objects.ts';
import { printerColumns } from './printer-columns.ts';

/** Kubernetes defaults replicas to 1 when a workload leaves it out. */
const desired = (o: Workload) => o.spec?.replicas ?? 1;

/** `ready/desired`, as kubectl's READY column for Deployments. */
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

/** kubectl renders a label selector (or an RC's label map) as `a=b,c in (x)`; `<none>` when empty. */
export function selectorString(selector: LabelSelector | Record<string, string> | null | undefined): string {
  return selectorText(selector ?? undefined);
}

const WORKLOAD_SPEC = `replicas template { spec { containers { name image } } }`;
const WORKLOAD_STATUS = `status { replicas readyReplicas availableReplicas conditions { type status reason message } }`;

export const DeploymentKind = listKind('Deployment', {
  listSelection: `${META} spec { ${WORKLOAD_SPEC} paused selector { matchLabels matchExpressions { key operator values } } }
    status { replicas updatedReplicas readyReplicas availableReplicas unavailableReplicas conditions { type status reason message } }`,
  columns: printerColumns('Deployment', { ready: { tone: workloadTone } }),
  actions: { scale: 'scaleDeployment', restart: 'restartDeployment', pause: 'pauseDeployment', resume: 'resumeDeployment' },
});

export const ReplicaSetKind = listKind('ReplicaSet', {
  listSelection: `${META} spec { ${WORKLOAD_SPEC} selector { matchLabels matchExpressions { key operator values } } } ${WORKLOAD_STATUS}`,
  columns: printerColumns('ReplicaSet', { ready: { tone: workloadTone } }),
});

export const ReplicationControllerKind = listKind('ReplicationController', {
  listSelection: `${META} spec { ${WORKLOAD_SPEC} selector } ${WORKLOAD_STATUS}`,
  columns: printerColumns('ReplicationController', { ready: { tone: workloadTone } }),
});
