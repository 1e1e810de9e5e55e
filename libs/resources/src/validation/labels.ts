import { invalidError, type FieldError } from '../field-error.js';
import { keyPath } from './field-path.js';
import { readStringMap } from './json.js';
import { isQualifiedName, isValidLabelValue } from './names.js';

/** A label key (or any key with the same rule: node selector keys, toleration keys). */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((msg) => invalidError(path, name, msg));
}

/**
 * Label maps (metadata.labels, spec.nodeSelector). A bad key is reported on the map,
 * as Kubernetes does; a bad value on its key, `metadata.labels[app]`.
 */
export function validateLabels(labels: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const map = readStringMap(labels, path, errors) ?? {};
  for (const [key, value] of Object.entries(map)) {
    errors.push(...validateLabelName(key, path));
    errors.push(...isValidLabelValue(value).map((msg) => invalidError(keyPath(path, key), value, msg)));
  }
  return errors;
}
