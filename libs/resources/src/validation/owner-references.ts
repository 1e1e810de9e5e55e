import { invalidError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { readBoolean, readObjectArray, readString } from './json.js';

/**
 * metadata.ownerReferences: apiVersion (with a version), kind, name and uid must be
 * set, and at most one reference may be the controller. Errors name the entry
 * (`ownerReferences[1].uid`) where Kubernetes names only the list.
 */
export function validateOwnerReferences(references: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  let firstController: string | undefined;
  for (const { item, index } of readObjectArray(references, path, errors)) {
    const refPath = indexPath(path, index);
    const apiVersion = readString(item.apiVersion, childPath(refPath, 'apiVersion'), errors) ?? '';
    const kind = readString(item.kind, childPath(refPath, 'kind'), errors) ?? '';
    const name = readString(item.name, childPath(refPath, 'name'), errors) ?? '';
    const uid = readString(item.uid, childPath(refPath, 'uid'), errors) ?? '';
    readBoolean(item.blockOwnerDeletion, childPath(refPath, 'blockOwnerDeletion'), errors);
    // "apps/v1" → version "v1"; a bare "v1" is the core group.
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    if (version.length === 0) errors.push(invalidError(childPath(refPath, 'apiVersion'), apiVersion, 'version must not be empty'));
    if (kind.length === 0) errors.push(invalidError(childPath(refPath, 'kind'), kind, 'kind must not be empty'));
    if (name.length === 0) errors.push(invalidError(childPath(refPath, 'name'), name, 'name must not be empty'));
    if (uid.length === 0) errors.push(invalidError(childPath(refPath, 'uid'), uid, 'uid must not be empty'));
    if (readBoolean(item.controller, childPath(refPath, 'controller'), errors) === true) {
      const current = `${kind}/${name}`;
      if (firstController === undefined) firstController = current;
      else {
        errors.push(invalidError(path, references, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`));
      }
    }
  }
  return errors;
}
