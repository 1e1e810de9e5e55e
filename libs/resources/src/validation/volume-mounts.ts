import { forbiddenError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { readBoolean, readObjectArray, readString } from './json.js';
import { validateLocalDescendingPath } from './volume-paths.js';

export const MOUNT_PROPAGATION_MODES: readonly string[] = ['Bidirectional', 'HostToContainer', 'None'];

/**
 * A container's volumeMounts (ValidateVolumeMounts): each names a volume of the pod
 * and a unique mount path. Kubernetes reports an unknown volume as "Not found";
 * FieldError has no such type, so it is an Invalid value here.
 */
export function validateVolumeMounts(mounts: unknown, path: string, volumeNames: ReadonlySet<string>, privileged: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const mountPaths = new Set<string>();
  for (const { item, index } of readObjectArray(mounts, path, errors)) {
    const mountPath = indexPath(path, index);
    const name = readString(item.name, childPath(mountPath, 'name'), errors) ?? '';
    if (!name) errors.push(requiredError(childPath(mountPath, 'name')));
    else if (!volumeNames.has(name)) errors.push(invalidError(childPath(mountPath, 'name'), name, 'must match the name of a volume in spec.volumes'));
    const target = readString(item.mountPath, childPath(mountPath, 'mountPath'), errors) ?? '';
    if (!target) errors.push(requiredError(childPath(mountPath, 'mountPath')));
    else if (mountPaths.has(target)) errors.push(invalidError(childPath(mountPath, 'mountPath'), target, 'must be unique'));
    mountPaths.add(target);
    readBoolean(item.readOnly, childPath(mountPath, 'readOnly'), errors);
    const subPath = readString(item.subPath, childPath(mountPath, 'subPath'), errors);
    if (subPath) errors.push(...validateLocalDescendingPath(subPath, childPath(mountPath, 'subPath')));
    readString(item.subPathExpr, childPath(mountPath, 'subPathExpr'), errors);
    if (item.subPath && item.subPathExpr) errors.push(invalidError(childPath(mountPath, 'subPathExpr'), item.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
    const propagation = readString(item.mountPropagation, childPath(mountPath, 'mountPropagation'), errors);
    if (propagation) {
      if (!MOUNT_PROPAGATION_MODES.includes(propagation)) {
        errors.push(notSupportedError(childPath(mountPath, 'mountPropagation'), propagation, MOUNT_PROPAGATION_MODES));
      } else if (propagation === 'Bidirectional' && !privileged) {
        errors.push(forbiddenError(childPath(mountPath, 'mountPropagation'), 'Bidirectional mount propagation is available only to privileged containers'));
      } else if (propagation !== 'None') {
        // Containers run in a private mount namespace: nothing propagates between it and the host.
        errors.push(
          forbiddenError(childPath(mountPath, 'mountPropagation'), `${propagation} mount propagation is not supported: Wheelhouse containers get a private mount namespace`),
        );
      }
    }
  }
  return errors;
}
