import { PersistentVolumeClaimKind, PersistentVolumeKind, StorageClassKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { PersistentVolume, PersistentVolumeClaim, PersistentVolumeClaimInput, PersistentVolumeInput, StorageClass, StorageClassInput } from './storage.type.js';

export const PersistentVolumeResolver = createResourceResolver(PersistentVolumeKind, PersistentVolume, PersistentVolumeInput);
export const PersistentVolumeClaimResolver = createResourceResolver(PersistentVolumeClaimKind, PersistentVolumeClaim, PersistentVolumeClaimInput);
export const StorageClassResolver = createResourceResolver(StorageClassKind, StorageClass, StorageClassInput);
