// updateDaemonSetStatus (daemon_controller.go): the counts over the nodes that should run
// the pod, and the ones that run it but should not.
import type { DaemonSet, DaemonSetStatus, Node, Pod } from '@wheelhouse/model';
import { isPodAvailable, isPodReady } from '../common/pod-predicates.js';
import { isPodUpdated, templateGeneration } from './daemon-pod.js';
import { nodeShouldRunDaemonPod } from './node-should-run.js';
import { byCreationAndPhase } from './pods-by-node.js';

export interface StatusInput {
  ds: DaemonSet;
  nodes: readonly Node[];
  podsByNode: ReadonlyMap<string, Pod[]>;
  hash: string;
  now: Date;
  /** Whether this sync saw every expected pod change: only then is the generation observed. */
  updateObservedGeneration: boolean;
}

/** The status one sync computes; counts judge each node by its oldest daemon pod. */
export function calculateStatus(input: StatusInput): DaemonSetStatus {
  const { ds, hash, now } = input;
  const generation = templateGeneration(ds);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  for (const node of input.nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
    const pods = input.podsByNode.get(node.metadata.name ?? '') ?? [];
    const scheduled = pods.length > 0;
    if (!shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = [...pods].sort(byCreationAndPhase)[0]!;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
    if (isPodUpdated(pod, hash, generation)) updated++;
  }
  const status: DaemonSetStatus = {
    ...(ds.status ?? {}),
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
  };
  if (input.updateObservedGeneration) status.observedGeneration = ds.metadata.generation ?? 0;
  return status;
}

const COUNTS = [
  'desiredNumberScheduled',
  'currentNumberScheduled',
  'numberMisscheduled',
  'numberReady',
  'updatedNumberScheduled',
  'numberAvailable',
  'numberUnavailable',
  'observedGeneration',
  'collisionCount',
] as const;

/** storeDaemonSetStatus writes only when a count or the observed generation changed. */
export function statusChanged(current: DaemonSetStatus | undefined, next: DaemonSetStatus): boolean {
  return COUNTS.some((k) => (current?.[k] ?? 0) !== (next[k] ?? 0));
}
