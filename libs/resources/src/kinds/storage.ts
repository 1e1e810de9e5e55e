import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate,
  validateStorageClass,
  validateStorageClassUpdate,
} from '../validation/index.js';
import { defaultPersistentVolume, defaultPersistentVolumeClaim, defaultStorageClass } from '../defaults/index.js';

const phase = (o: KubeObject) => String((o.status as { phase?: unknown } | undefined)?.phase ?? '');

/** core/v1 PersistentVolume: storage in the cluster (cluster-scoped). */
export const PersistentVolumeKind: KindInfo = {
  ...KIND_CATALOGUE.PersistentVolume,
  table: 'persistent_volumes',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: () => ({}),
  selectableFields: (o) => ({ 'status.phase': phase(o) }),
  fieldColumns: { 'status.phase': `coalesce(status->>'phase', '')` },
  applyDefaults: (o) => defaultPersistentVolume(o),
  validate: (o) => validatePersistentVolume(o),
  validateUpdate: (next, prev) => validatePersistentVolumeUpdate(next, prev),
};

/** core/v1 PersistentVolumeClaim: a pod's request for storage. */
export const PersistentVolumeClaimKind: KindInfo = {
  ...KIND_CATALOGUE.PersistentVolumeClaim,
  table: 'persistent_volume_claims',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: () => ({}),
  selectableFields: (o) => ({ 'status.phase': phase(o) }),
  fieldColumns: { 'status.phase': `coalesce(status->>'phase', '')` },
  applyDefaults: (o) => defaultPersistentVolumeClaim(o),
  validate: (o) => validatePersistentVolumeClaim(o),
  validateUpdate: (next, prev) => validatePersistentVolumeClaimUpdate(next, prev),
};

/** storage.k8s.io/v1 StorageClass: provisioner, parameters and policies next to metadata (no spec). */
export const StorageClassKind: KindInfo = {
  ...KIND_CATALOGUE.StorageClass,
  table: 'storage_classes',
  nameRule: 'subdomain',
  bodyKey: null,
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: (o) => defaultStorageClass(o),
  validate: (o) => validateStorageClass(o),
  validateUpdate: (next, prev) => validateStorageClassUpdate(next, prev),
};
