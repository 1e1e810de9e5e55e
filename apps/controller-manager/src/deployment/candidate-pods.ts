// Which cached pods a Deployment sync needs to see: decideDeployment only reads pods
// controlled by a ReplicaSet it claims (its own, or an orphan it may adopt). Handing it
// every pod of the namespace made each sync O(pods in the namespace).
import type { KubeObject } from '@wheelhouse/model';
import { controllerRef } from '../common/owner-references.js';

/** The part of an informer this needs: the owner index. */
export interface OwnerIndex<P> {
  byOwner(uid: string): P[];
}

/** The pods owned by the namespace's ReplicaSets that `deployment` controls or that have no controller. */
export function candidatePods<P extends KubeObject>(pods: OwnerIndex<P>, deployment: KubeObject, replicaSets: readonly KubeObject[]): P[] {
  const out = new Set<P>();
  for (const rs of replicaSets) {
    if (rs.metadata.namespace !== deployment.metadata.namespace) continue;
    const ref = controllerRef(rs);
    if (ref && ref.uid !== deployment.metadata.uid) continue;
    for (const pod of pods.byOwner(rs.metadata.uid ?? '')) out.add(pod);
  }
  return [...out];
}
