import type { PersistentVolumeClaim, Pod } from '@wheelhouse/model';
import type { VolumeListers } from '../volume-listers.js';
import { quantityToBytes } from '@wheelhouse/resources';
import { anyTermMatches } from '../node-selector.js';
import { fail, OK, type FilterPlugin } from './filter-plugin.js';

export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';

export type { VolumeListers } from '../volume-listers.js';

/** The claims a pod mounts. */
export const podClaimNames = (pod: Pod): string[] => (pod.spec?.volumes ?? []).map((v) => v.persistentVolumeClaim?.claimName).filter((n): n is string => Boolean(n));

/** An unbound claim that waits for its first consumer (its node is chosen by the scheduler). */
export function isDelayedClaim(claim: PersistentVolumeClaim, listers: VolumeListers): boolean {
  if (claim.spec?.volumeName) return false;
  return listers.storageClass(claim.spec?.storageClassName ?? '')?.volumeBindingMode === 'WaitForFirstConsumer';
}

const storage = (list: Record<string, string> | null | undefined) => quantityToBytes(list?.storage ?? '0') ?? 0n;

/**
 * VolumeBinding: a bound claim's volume must admit the node (its node affinity); an unbound
 * WaitForFirstConsumer claim needs a matching available volume on the node, or a
 * provisioner that can make one there (local-path makes one on any node); an unbound
 * Immediate claim keeps the pod unschedulable until the binder has bound it.
 */
export const volumeBinding: FilterPlugin = {
  name: 'VolumeBinding',
  filter(pod, nodeInfo, ctx) {
    const listers = ctx.volumes;
    const names = podClaimNames(pod);
    if (!listers || names.length === 0) return OK;
    const namespace = pod.metadata.namespace ?? 'default';
    for (const name of names) {
      const claim = listers.claim(namespace, name);
      if (!claim) return fail(`persistentvolumeclaim "${name}" not found`);
      if (claim.metadata.deletionTimestamp) return fail(`persistentvolumeclaim "${name}" is being deleted`);
      const volumeName = claim.spec?.volumeName;
      if (volumeName) {
        const volume = listers.volume(volumeName);
        if (!volume) return fail('pvc(s) bound to non-existent pv(s)');
        const terms = volume.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
        if (terms.length > 0 && !anyTermMatches(terms, nodeInfo.node)) return fail(ERR_REASON_NODE_CONFLICT);
        continue;
      }
      if (!isDelayedClaim(claim, listers)) return fail(ERR_REASON_UNBOUND_IMMEDIATE);
      const sc = listers.storageClass(claim.spec?.storageClassName ?? '');
      if (sc?.provisioner === LOCAL_PATH_PROVISIONER) continue;
      const fits = listers.volumes().some((v) => {
        if (v.spec?.claimRef || v.metadata.deletionTimestamp || (v.spec?.storageClassName ?? '') !== (claim.spec?.storageClassName ?? '')) return false;
        if (storage(v.spec?.capacity) < storage(claim.spec?.resources?.requests)) return false;
        if (!(claim.spec?.accessModes ?? []).every((m) => (v.spec?.accessModes ?? []).includes(m))) return false;
        const terms = v.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
        return terms.length === 0 || anyTermMatches(terms, nodeInfo.node);
      });
      if (!fits) return fail(ERR_REASON_BIND_CONFLICT);
    }
    return OK;
  },
};
