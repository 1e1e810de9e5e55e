// Recreate: scale every old ReplicaSet to zero, wait until no old pod runs, then bring
// up the new ReplicaSet at full size (recreate.go).
import { controllerRef } from '../common/owner-references.js';
import type { Deployment, Pod, ReplicaSet } from '@wheelhouse/model';
import { actualReplicaCountOf, specReplicasOf } from './replica-sets.js';
import type { ReplicaSetScale } from './rolling-update.js';
import { replicasOf } from './spec.js';

/** Every active old ReplicaSet scaled to 0. */
export function scaleDownOldReplicaSetsForRecreate(activeOldRSs: readonly ReplicaSet[]): ReplicaSetScale[] {
  return activeOldRSs.filter((rs) => specReplicasOf(rs) !== 0).map((rs) => ({ replicaSet: rs, replicas: 0 }));
}

/**
 * Whether an old ReplicaSet still reports pods, or any pod controlled by one of the
 * Deployment's ReplicaSets other than the new one is not finished (Unknown counts as
 * running: the node may just be unreachable). `pods` are those the Deployment selects.
 */
export function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], replicaSets: readonly ReplicaSet[], pods: readonly Pod[]): boolean {
  if (actualReplicaCountOf(oldRSs) > 0) return true;
  const newUid = newRS?.metadata.uid;
  const otherUids = new Set(replicaSets.map((rs) => rs.metadata.uid).filter((uid) => uid !== undefined && uid !== newUid));
  return pods.some((pod) => {
    const owner = controllerRef(pod);
    if (!owner || !otherUids.has(owner.uid)) return false;
    const phase = pod.status?.phase;
    return phase !== 'Failed' && phase !== 'Succeeded';
  });
}

/** The new ReplicaSet at spec.replicas, once the old pods are gone; undefined if already there. */
export function scaleUpNewReplicaSetForRecreate(d: Deployment, newRS: ReplicaSet): ReplicaSetScale | undefined {
  return specReplicasOf(newRS) === replicasOf(d) ? undefined : { replicaSet: newRS, replicas: replicasOf(d) };
}
