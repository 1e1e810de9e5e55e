import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '@wheelhouse/model';

/** The claims, volumes and classes the scheduler sees (its informers' caches). */
export interface VolumeListers {
  claim(namespace: string, name: string): PersistentVolumeClaim | undefined;
  volume(name: string): PersistentVolume | undefined;
  volumes(): readonly PersistentVolume[];
  storageClass(name: string): StorageClass | undefined;
}
