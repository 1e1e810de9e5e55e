import { cloneJson, ensureObject, isJsonObject, setDefault } from './json-object.js';

/** SetDefaults_PersistentVolume (+ the strategy's phase Pending): a volume made by hand is kept (Retain). */
export function defaultPersistentVolume<T>(pv: T): T {
  const copy = cloneJson(pv);
  if (!isJsonObject(copy)) return copy;
  const spec = ensureObject(copy, 'spec');
  if (spec) {
    setDefault(spec, 'persistentVolumeReclaimPolicy', 'Retain');
    setDefault(spec, 'volumeMode', 'Filesystem');
    if (isJsonObject(spec.hostPath)) setDefault(spec.hostPath, 'type', '');
  }
  const status = ensureObject(copy, 'status');
  if (status) setDefault(status, 'phase', 'Pending');
  return copy;
}

/** SetDefaults_PersistentVolumeClaim (+ phase Pending). The default StorageClass is filled in by the volume controller. */
export function defaultPersistentVolumeClaim<T>(pvc: T): T {
  const copy = cloneJson(pvc);
  if (!isJsonObject(copy)) return copy;
  const spec = ensureObject(copy, 'spec');
  if (spec) setDefault(spec, 'volumeMode', 'Filesystem');
  const status = ensureObject(copy, 'status');
  if (status) setDefault(status, 'phase', 'Pending');
  return copy;
}

/** SetDefaults_StorageClass: Delete, Immediate. */
export function defaultStorageClass<T>(sc: T): T {
  const copy = cloneJson(sc);
  if (!isJsonObject(copy)) return copy;
  setDefault(copy, 'reclaimPolicy', 'Delete');
  setDefault(copy, 'volumeBindingMode', 'Immediate');
  return copy;
}
