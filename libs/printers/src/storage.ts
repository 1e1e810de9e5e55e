/** kubectl's PersistentVolume, PersistentVolumeClaim and StorageClass cells (pkg/printers/internalversion/printers.go). */
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '@wheelhouse/model';

const MODE_ABBREVIATIONS: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

/** GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, each once. */
export function accessModes(modes: readonly string[] | null | undefined): string {
  const set = new Set(modes ?? []);
  return ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']
    .filter((m) => set.has(m))
    .map((m) => MODE_ABBREVIATIONS[m])
    .join(',');
}

/** CLAIM: namespace/name of the claim a volume is bound to. */
export function volumeClaim(pv: PersistentVolume): string {
  const ref = pv.spec?.claimRef;
  return ref?.name ? `${ref.namespace}/${ref.name}` : '';
}

/** STATUS: the phase, "Terminating" while deleted. */
export const storagePhase = (o: PersistentVolume | PersistentVolumeClaim) => (o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''));

/** A claim shows capacity and access modes only once bound. */
export function claimCapacity(pvc: PersistentVolumeClaim): { capacity: string; modes: string } {
  if (!pvc.spec?.volumeName) return { capacity: '', modes: '' };
  return { capacity: pvc.status?.capacity?.storage ?? '', modes: accessModes(pvc.status?.accessModes) };
}

/** NAME with " (default)" for the default class (IsDefaultAnnotation). */
export function storageClassName(sc: StorageClass): string {
  const annotations = sc.metadata.annotations ?? {};
  const isDefault = annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  return isDefault ? `${sc.metadata.name} (default)` : (sc.metadata.name ?? '');
}
