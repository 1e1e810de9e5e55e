// getExpectedPodCount / getExpectedScale of Kubernetes' pkg/controller/disruption/disruption.go.
import type { Pod } from '@wheelhouse/model';
import { controllerOf } from '@wheelhouse/controller-runtime';
import type { PodDisruptionBudgetSpecLike } from '@wheelhouse/resources';
import { scaledValueFromIntOrPercent } from '../deployment/int-or-percent.js';

/** A workload with a scale subresource, as the finders see it: its replicas and its own controller. */
export interface ScaledWorkload {
  kind: string;
  name: string;
  uid: string;
  /** spec.replicas (Kubernetes defaults it to 1). */
  replicas: number;
  controller?: { kind: string; name: string; uid?: string | null };
}

/** Finds a workload of the namespace by kind and name (the informer caches). */
export type WorkloadLookup = (kind: string, name: string) => ScaledWorkload | undefined;

export interface ExpectedCount {
  expectedCount: number;
  desiredHealthy: number;
  /** Pods without a controller: the count cannot include them (the UnmanagedPods event). */
  unmanagedPods: string[];
}

/**
 * The finders: a ReplicaSet owned by a Deployment counts as the Deployment's scale (the
 * deployment finder), every other scalable kind by its own replicas (ReplicaSet,
 * ReplicationController, StatefulSet and the generic scale-subresource finder). The
 * controller reference's uid must match, as upstream checks it.
 */
export function findScale(ref: { kind?: string | null; name?: string | null; uid?: string | null }, lookup: WorkloadLookup): { uid: string; scale: number } | undefined {
  const found = lookup(ref.kind ?? '', ref.name ?? '');
  if (!found || (ref.uid && found.uid !== ref.uid)) return undefined;
  if (found.kind === 'ReplicaSet' && found.controller?.kind === 'Deployment') {
    const deployment = lookup('Deployment', found.controller.name);
    if (!deployment || (found.controller.uid && deployment.uid !== found.controller.uid)) return undefined;
    return { uid: deployment.uid, scale: deployment.replicas };
  }
  return { uid: found.uid, scale: found.replicas };
}

/** SUM of the scale of every controller of the pods, each counted once; throws "found no controllers for pod" as upstream. */
export function expectedScale(pods: readonly Pod[], lookup: WorkloadLookup): { expectedCount: number; unmanagedPods: string[] } {
  const scales = new Map<string, number>();
  const unmanagedPods: string[] = [];
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) {
      unmanagedPods.push(pod.metadata.name ?? '');
      continue;
    }
    if (ref.uid && scales.has(ref.uid)) continue;
    const found = findScale(ref, lookup);
    if (!found) throw new Error(`found no controllers for pod "${pod.metadata.name}"`);
    scales.set(found.uid, found.scale);
  }
  let expectedCount = 0;
  for (const scale of scales.values()) expectedCount += scale;
  return { expectedCount, unmanagedPods };
}

/**
 * maxUnavailable (int or %) and a percentage minAvailable scale from the controllers'
 * replicas; an integer minAvailable counts the pods found. Neither set: nothing is kept.
 */
export function expectedPodCount(spec: PodDisruptionBudgetSpecLike, pods: readonly Pod[], lookup: WorkloadLookup): ExpectedCount {
  if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
    const { expectedCount, unmanagedPods } = expectedScale(pods, lookup);
    const maxUnavailable = scaledValueFromIntOrPercent(spec.maxUnavailable, expectedCount, true);
    return { expectedCount, desiredHealthy: Math.max(0, expectedCount - maxUnavailable), unmanagedPods };
  }
  if (spec.minAvailable !== undefined && spec.minAvailable !== null) {
    if (typeof spec.minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: spec.minAvailable, unmanagedPods: [] };
    const { expectedCount, unmanagedPods } = expectedScale(pods, lookup);
    return { expectedCount, desiredHealthy: scaledValueFromIntOrPercent(spec.minAvailable, expectedCount, true), unmanagedPods };
  }
  return { expectedCount: 0, desiredHealthy: 0, unmanagedPods: [] };
}
