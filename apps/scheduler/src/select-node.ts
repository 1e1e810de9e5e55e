// VolumeBinding's PreBind: each unbound WaitForFirstConsumer claim of a pod being bound
// gets the `volume.kubernetes.io/selected-node` annotation, which the volume controller
// reads to bind a volume of that node or provision one there.
import type { Clientset } from '@wheelhouse/client';
import type { Pod } from '@wheelhouse/model';
import { isDelayedClaim, podClaimNames, type VolumeListers } from './filter/volume-binding.js';

export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';

export async function selectNodes(
  clientset: Clientset,
  bindings: readonly { pod: Pod; node: string }[],
  listers: VolumeListers,
  log: (message: string, error?: unknown) => void,
): Promise<void> {
  const writes: Promise<unknown>[] = [];
  for (const { pod, node } of bindings) {
    const namespace = pod.metadata.namespace ?? 'default';
    for (const name of podClaimNames(pod)) {
      const claim = listers.claim(namespace, name);
      if (!claim || !isDelayedClaim(claim, listers) || claim.metadata.annotations?.[ANN_SELECTED_NODE] === node) continue;
      writes.push(
        clientset.persistentVolumeClaims
          .patch({ namespace, name }, { metadata: { annotations: { [ANN_SELECTED_NODE]: node } } }, { select: 'metadata { name }' })
          .catch((error) => log(`select node ${node} for claim ${namespace}/${name}`, error)),
      );
    }
  }
  await Promise.all(writes);
}
