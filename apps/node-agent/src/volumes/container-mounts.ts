// A container's volumeMounts → the mounts the runtime makes (pure). subPathExpr is expanded
// with the container's environment, as the kubelet's makeMounts does, and must stay a
// relative path inside the volume.
import type { Container, Volume } from '@wheelhouse/model';
import { expandVars } from '../container-env/expansion.js';
import { ContainerConfigError } from '../container-env/config-error.js';
import type { ContainerMount } from '../runtime/runtime.js';
import { isProjectedVolume } from './volume-setup.js';

/** The runtime's mounts of `container`. Projected files are always read-only, whatever the mount says (Kubernetes since 1.9.4). */
export function containerMounts(container: Container, env: Record<string, string>, volumes: readonly Volume[]): ContainerMount[] {
  return (container.volumeMounts ?? []).map((m) => {
    const volume = volumes.find((v) => v.name === m.name);
    const readOnly = Boolean(m.readOnly) || Boolean(volume && (isProjectedVolume(volume) || volume.persistentVolumeClaim?.readOnly));
    const mount: ContainerMount = { volume: m.name ?? '', mountPath: m.mountPath ?? '', readOnly };
    let subPath = m.subPath ?? undefined;
    if (m.subPathExpr) {
      subPath = expandVars(m.subPathExpr, (name) => env[name]);
      if (subPath.startsWith('/'))
        throw new ContainerConfigError(`failed to prepare subPath for volumeMount "${m.name}" of container "${container.name}": subpath "${subPath}" must not be an absolute path`);
      if (subPath.split('/').includes('..'))
        throw new ContainerConfigError(`failed to prepare subPath for volumeMount "${m.name}" of container "${container.name}": subpath "${subPath}" must not contain '..'`);
    }
    if (subPath) mount.subPath = subPath;
    return mount;
  });
}
