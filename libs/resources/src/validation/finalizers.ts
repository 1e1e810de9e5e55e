import { duplicateError, forbiddenError, invalidError, type FieldError } from '../field-error.js';
import { indexPath } from './field-path.js';
import { readStringArray } from './json.js';
import { isQualifiedName } from './names.js';

export const FINALIZER_KUBERNETES = 'kubernetes';
export const FINALIZER_ORPHAN_DEPENDENTS = 'orphan';
export const FINALIZER_DELETE_DEPENDENTS = 'foregroundDeletion';

/** Finalizers Kubernetes itself defines; every other finalizer must carry a domain prefix. */
export const STANDARD_FINALIZERS: readonly string[] = [FINALIZER_KUBERNETES, FINALIZER_ORPHAN_DEPENDENTS, FINALIZER_DELETE_DEPENDENTS];

/** One finalizer: a qualified name, and fully qualified unless it is a standard one (core API rule). */
export function validateFinalizerName(name: string, path: string): FieldError[] {
  const errors = isQualifiedName(name).map((msg) => invalidError(path, name, msg));
  if (errors.length === 0 && !name.includes('/') && !STANDARD_FINALIZERS.includes(name)) {
    errors.push(invalidError(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errors;
}

/** A finalizer list (metadata.finalizers, namespace spec.finalizers): valid names, no duplicates. */
export function validateFinalizers(finalizers: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const names = readStringArray(finalizers, path, errors) ?? [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    errors.push(...validateFinalizerName(name, indexPath(path, i)));
    if (seen.has(name)) errors.push(duplicateError(indexPath(path, i), name));
    seen.add(name);
  });
  if (seen.has(FINALIZER_ORPHAN_DEPENDENTS) && seen.has(FINALIZER_DELETE_DEPENDENTS)) {
    errors.push(invalidError(path, names, `finalizer ${FINALIZER_ORPHAN_DEPENDENTS} and ${FINALIZER_DELETE_DEPENDENTS} cannot be both set`));
  }
  return errors;
}

/** Kubernetes' rule for objects being deleted: finalizers may be removed, never added. */
export function validateNoNewFinalizers(next: readonly string[], prev: readonly string[], path: string): FieldError[] {
  const added = [...new Set(next.filter((f) => !prev.includes(f)))].sort();
  if (added.length === 0) return [];
  const shown = `[]string{${added.map((f) => JSON.stringify(f)).join(', ')}}`;
  return [forbiddenError(path, `no new finalizers can be added if the object is being deleted, found new finalizers ${shown}`)];
}
