// The PersistentVolume controller's decisions (pure), after kube-controller-manager's
// pkg/controller/volume/persistentvolume (pv_controller.go: syncClaim, syncVolume,
// findMatchingVolume) and the protection controllers, with the local-path provisioner
// (rancher's local-path-provisioner, k3s' default class) as the one dynamic provisioner.
import { parseQuantity } from '@wheelhouse/resources';
import { labelSelectorToSelector, matches } from '@wheelhouse/selectors';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '@wheelhouse/model';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
export const LOCAL_PATH_CLASS = 'local-path';
export const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
/** Where a node keeps local-path volumes (the node agent publishes it on its Node). */
export const ANN_NODE_LOCAL_PATH_DIR = 'wheelhouse.io/local-path-dir';
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
const HOSTNAME_LABEL = 'kubernetes.io/hostname';

export interface ClaimEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export type ClaimDecision =
  | { type: 'none' }
  /** Retroactive default StorageClass assignment: an unset class becomes the default's. */
  | { type: 'setClass'; className: string }
  /** Bind claim and volume (the volume's claimRef first, then the claim's volumeName), then mark both Bound. */
  | { type: 'bind'; volume: string }
  /** Create the volume the provisioner would: local-path on `node`. */
  | { type: 'provision'; volume: PersistentVolume; event: ClaimEvent }
  | { type: 'pending'; event?: ClaimEvent }
  | { type: 'lost'; event: ClaimEvent };

export type VolumeDecision = { type: 'none' } | { type: 'phase'; phase: 'Available' | 'Bound' | 'Released' | 'Failed'; message?: string; reason?: string };

export interface ClaimWorld {
  volumes: readonly PersistentVolume[];
  classes: readonly StorageClass[];
  /** The local-path directory of each node (annotation of its Node), by node name. */
  nodeDirs: ReadonlyMap<string, string>;
}

const storageOf = (list: Record<string, string> | null | undefined) => parseQuantity(list?.storage ?? '0')?.nanos ?? 0n;

/** GetPersistentVolumeClaimClass: "" when unset. */
export const claimClass = (claim: PersistentVolumeClaim) => claim.spec?.storageClassName ?? '';

/** The default StorageClass; with several, the newest (as the admission plugin and the binder choose). */
export function defaultClass(classes: readonly StorageClass[]): StorageClass | undefined {
  return classes
    .filter((c) => c.metadata.annotations?.[ANN_DEFAULT_CLASS] === 'true' && !c.metadata.deletionTimestamp)
    .sort((a, b) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))[0];
}

/** IsVolumeBoundToClaim: the claimRef names this claim (and its uid when the ref has one). */
export function isVolumeBoundToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec?.claimRef;
  if (!ref || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** Whether a volume's required node affinity admits the node (by its name, the hostname label local volumes use). */
export function volumeFitsNode(volume: PersistentVolume, node: string, labels: Record<string, string> = { [HOSTNAME_LABEL]: node }): boolean {
  const terms = volume.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return true;
  return terms.some((term) =>
    (term.matchExpressions ?? []).every((e) => {
      const value = labels[e.key ?? ''];
      const values = e.values ?? [];
      switch (e.operator) {
        case 'In':
          return value !== undefined && values.includes(value);
        case 'NotIn':
          return value === undefined || !values.includes(value);
        case 'Exists':
          return value !== undefined;
        case 'DoesNotExist':
          return value === undefined;
        default:
          return false;
      }
    }),
  );
}

/**
 * findMatchingVolume: a volume pre-bound to the claim wins; otherwise the smallest
 * available volume of the claim's class and volume mode with every requested access mode,
 * enough capacity and the selector's labels. With delayed binding (WaitForFirstConsumer)
 * only volumes fitting the selected node qualify, and none without one.
 */
export function findMatchingVolume(
  claim: PersistentVolumeClaim,
  volumes: readonly PersistentVolume[],
  node: string | undefined,
  delayBinding: boolean,
): PersistentVolume | undefined {
  const request = storageOf(claim.spec?.resources?.requests);
  const selector = claim.spec?.selector ? labelSelectorToSelector(claim.spec.selector) : undefined;
  const modes = claim.spec?.accessModes ?? [];
  let best: PersistentVolume | undefined;
  for (const volume of volumes) {
    if (volume.metadata.deletionTimestamp) continue;
    const bound = isVolumeBoundToClaim(volume, claim);
    if (volume.spec?.claimRef && !bound) continue;
    if ((volume.spec?.storageClassName ?? '') !== claimClass(claim)) continue;
    if ((volume.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) continue;
    const capacity = storageOf(volume.spec?.capacity);
    if (capacity < request) continue;
    if (!modes.every((m) => (volume.spec?.accessModes ?? []).includes(m))) continue;
    if (bound) return volume;
    if (selector && !matches(selector, volume.metadata.labels ?? {})) continue;
    if (delayBinding && (!node || !volumeFitsNode(volume, node))) continue;
    if (!best || capacity < storageOf(best.spec?.capacity)) best = volume;
  }
  return best;
}

/** The local-path provisioner's volume for a claim on `node` (rancher's: `<dir>/<pv>_<ns>_<claim>`, DirectoryOrCreate, pinned to the node). */
export function localPathVolume(claim: PersistentVolumeClaim, sc: StorageClass, node: string, nodeDir: string): PersistentVolume {
  const name = `pvc-${claim.metadata.uid}`;
  const namespace = claim.metadata.namespace ?? 'default';
  const dir = sc.parameters?.nodePath || nodeDir;
  return {
    metadata: { name, annotations: { [ANN_PROVISIONED_BY]: LOCAL_PATH_PROVISIONER, 'local.path.provisioner/selected-node': node } },
    spec: {
      capacity: { storage: claim.spec?.resources?.requests?.storage ?? '0' },
      accessModes: claim.spec?.accessModes ?? [],
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata.name ?? '',
      volumeMode: 'Filesystem',
      hostPath: { path: `${dir}/${name}_${namespace}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME_LABEL, operator: 'In', values: [node] }] }] } },
      claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace, name: claim.metadata.name ?? '', uid: claim.metadata.uid ?? '' },
    },
  } as PersistentVolume;
}

/** syncClaim: what the controller does for one claim now. */
export function decideClaim(claim: PersistentVolumeClaim, world: ClaimWorld): ClaimDecision {
  if (claim.metadata.deletionTimestamp) return { type: 'none' };
  // Retroactive default class: only for a claim that never named one (nil, not "").
  if (claim.spec?.storageClassName === undefined || claim.spec?.storageClassName === null) {
    const fallback = defaultClass(world.classes);
    if (fallback && !claim.spec?.volumeName) return { type: 'setClass', className: fallback.metadata.name ?? '' };
  }
  const volumeName = claim.spec?.volumeName;
  if (volumeName) {
    const volume = world.volumes.find((v) => v.metadata.name === volumeName);
    if (!volume) {
      if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] === 'yes') {
        return { type: 'lost', event: { type: 'Warning', reason: 'ClaimLost', message: 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!' } };
      }
      return { type: 'pending' };
    }
    if (!volume.spec?.claimRef || isVolumeBoundToClaim(volume, claim)) {
      return claim.status?.phase === 'Bound' && isVolumeBoundToClaim(volume, claim) && volume.status?.phase === 'Bound' ? { type: 'none' } : { type: 'bind', volume: volumeName };
    }
    return { type: 'pending', event: { type: 'Warning', reason: 'FailedBinding', message: 'volume is already bound to a different claim.' } };
  }
  const className = claimClass(claim);
  const sc = world.classes.find((c) => c.metadata.name === className);
  const delayBinding = sc?.volumeBindingMode === 'WaitForFirstConsumer';
  const node = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  const match = findMatchingVolume(claim, world.volumes, node, delayBinding);
  if (match) return { type: 'bind', volume: match.metadata.name ?? '' };
  if (!sc || className === '') {
    const message = className === '' ? 'no persistent volumes available for this claim and no storage class is set' : `storageclass.storage.k8s.io "${className}" not found`;
    return { type: 'pending', event: { type: className === '' ? 'Normal' : 'Warning', reason: 'FailedBinding', message } };
  }
  if (delayBinding && !node) {
    return { type: 'pending', event: { type: 'Normal', reason: 'WaitForFirstConsumer', message: 'waiting for first consumer to be created before binding' } };
  }
  if (sc.provisioner !== LOCAL_PATH_PROVISIONER) {
    const message =
      sc.provisioner === 'kubernetes.io/no-provisioner'
        ? 'no volume plugin matched name: kubernetes.io/no-provisioner'
        : `waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;
    return { type: 'pending', event: { type: 'Normal', reason: 'ExternalProvisioning', message } };
  }
  // local-path keeps data on one node: it needs the node the scheduler picked.
  if (!node)
    return {
      type: 'pending',
      event: {
        type: 'Warning',
        reason: 'ProvisioningFailed',
        message: `failed to provision volume with StorageClass "${className}": configuration error, no node was specified`,
      },
    };
  const nodeDir = world.nodeDirs.get(node);
  if (!nodeDir)
    return {
      type: 'pending',
      event: {
        type: 'Warning',
        reason: 'ProvisioningFailed',
        message: `failed to provision volume with StorageClass "${className}": node "${node}" does not report a local-path directory`,
      },
    };
  const volume = localPathVolume(claim, sc, node, nodeDir);
  if (world.volumes.some((v) => v.metadata.name === volume.metadata.name)) return { type: 'pending' };
  return { type: 'provision', volume, event: { type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${volume.metadata.name}` } };
}

/** syncVolume: the phase a volume should have, or its reclaim. */
export function decideVolume(volume: PersistentVolume, claims: readonly PersistentVolumeClaim[]): VolumeDecision {
  if (volume.metadata.deletionTimestamp) return { type: 'none' };
  const ref = volume.spec?.claimRef;
  const phase = volume.status?.phase;
  const to = (next: 'Available' | 'Bound' | 'Released' | 'Failed', message?: string, reason?: string): VolumeDecision =>
    phase === next ? { type: 'none' } : { type: 'phase', phase: next, ...(message ? { message } : {}), ...(reason ? { reason } : {}) };
  if (!ref) return to('Available');
  const claim = claims.find((c) => c.metadata.namespace === ref.namespace && c.metadata.name === ref.name);
  const sameClaim = claim && (!ref.uid || ref.uid === claim.metadata.uid);
  // Pre-bound by hand to a claim that does not exist yet: it waits for it.
  if (!ref.uid && !claim) return to('Available');
  if (sameClaim) {
    if (claim.spec?.volumeName === volume.metadata.name) return to('Bound');
    // The claim is being bound (the claim side comes next) or was pre-bound to this volume.
    return phase === 'Bound' ? { type: 'none' } : to('Available');
  }
  // The claim is gone (or replaced by a new one of the same name): released, then reclaimed.
  if (phase === 'Failed') return { type: 'none' };
  const policy = volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
  if (policy === 'Retain') return to('Released');
  // Delete: local-path volumes are deleted by their node (the directory, then the object).
  if (volume.metadata.annotations?.[ANN_PROVISIONED_BY] === LOCAL_PATH_PROVISIONER) return to('Released');
  return to('Failed', `error getting deleter volume plugin for volume "${volume.metadata.name}": no deletable volume plugin matched`, 'VolumeFailedDelete');
}

/** The protection finalizers: added to every live object, removed once it is deleted and nothing needs it. */
export function finalizerChange(finalizers: readonly string[] | null | undefined, finalizer: string, deleting: boolean, inUse: boolean): 'add' | 'remove' | 'none' {
  const has = (finalizers ?? []).includes(finalizer);
  if (!deleting) return has ? 'none' : 'add';
  return has && !inUse ? 'remove' : 'none';
}
