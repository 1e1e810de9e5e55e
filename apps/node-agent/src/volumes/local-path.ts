// The node side of the local-path provisioner (rancher's helper pod): volumes live as
// directories under `<data dir>/local-path` of the node they were made on; when such a
// volume is Released with reclaim policy Delete, its node removes the directory and then
// the PersistentVolume. Simulated nodes have no directories: they only delete the object.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Informer } from '@wheelhouse/controller-runtime';
import type { PersistentVolume } from '@wheelhouse/model';
import type { AgentConfig } from '../config.js';

export const LOCAL_PATH_DIR_ANNOTATION = 'wheelhouse.io/local-path-dir';
const PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
const SELECTED_NODE = 'local.path.provisioner/selected-node';

/** Where a node keeps its local-path volumes (published on its Node for the volume controller). */
export function localPathDir(config: Pick<AgentConfig, 'runtime' | 'dataDir'>, node: string): string {
  return config.runtime === 'process' ? resolve(config.dataDir, 'local-path') : `/simulated/${node}/local-path`;
}

/** The directory to remove for a released local-path volume of one of our nodes, or undefined. */
export function volumeToDelete(volume: PersistentVolume, ownNode: (name: string) => boolean): { node: string; path: string } | undefined {
  const annotations = volume.metadata.annotations ?? {};
  if (annotations[PROVISIONED_BY] !== 'rancher.io/local-path') return undefined;
  if (volume.status?.phase !== 'Released' || volume.spec?.persistentVolumeReclaimPolicy !== 'Delete') return undefined;
  const node = annotations[SELECTED_NODE];
  if (!node || !ownNode(node)) return undefined;
  return { node, path: volume.spec?.hostPath?.path ?? '' };
}

export interface LocalPathDeleterOptions {
  volumes: Informer<PersistentVolume>;
  ownNode(name: string): boolean;
  dirOf(node: string): string;
  /** False on simulated nodes: nothing is on disk. */
  removeFiles: boolean;
  deleteVolume(name: string): Promise<void>;
  log(message: string, error?: unknown): void;
}

export function startLocalPathDeleter(options: LocalPathDeleterOptions): { stop(): void } {
  const busy = new Set<string>();
  const handle = async (volume: PersistentVolume) => {
    const target = volumeToDelete(volume, options.ownNode);
    const name = volume.metadata.name ?? '';
    if (!target || busy.has(name)) return;
    busy.add(name);
    try {
      if (options.removeFiles) {
        const root = options.dirOf(target.node);
        // Only ever a directory of our own local-path root.
        if (!target.path.startsWith(`${root}/`) || resolve(target.path) !== join(root, target.path.slice(root.length + 1))) {
          options.log(`local-path: not deleting ${target.path} of volume ${name}: outside ${root}`);
          return;
        }
        rmSync(target.path, { recursive: true, force: true });
      }
      await options.deleteVolume(name);
      options.log(`local-path: deleted volume ${name}${options.removeFiles ? ` and ${target.path}` : ''}`);
    } catch (error) {
      options.log(`local-path: delete volume ${name}`, error);
    } finally {
      busy.delete(name);
    }
  };
  const handler = { onAdd: (v: PersistentVolume) => void handle(v), onUpdate: (_o: PersistentVolume, v: PersistentVolume) => void handle(v) };
  options.volumes.addEventHandler(handler);
  for (const volume of options.volumes.list()) void handle(volume);
  return { stop: () => {} };
}
