import { invalidError, type FieldError } from '../field-error.js';

/** Paths inside a volume must not climb out of it. */
export function validatePathNoBacksteps(target: string, path: string): FieldError[] {
  return target.split('/').includes('..') ? [invalidError(path, target, "must not contain '..'")] : [];
}

/** A relative path that stays inside the volume (subPath, items[].path). */
export function validateLocalDescendingPath(target: string, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (target.startsWith('/')) errors.push(invalidError(path, target, 'must be a relative path'));
  errors.push(...validatePathNoBacksteps(target, path));
  return errors;
}

/** As above, and not starting with '..', which the atomic writer of projected files reserves. */
export function validateLocalNonReservedPath(target: string, path: string): FieldError[] {
  const errors = validateLocalDescendingPath(target, path);
  if (target.startsWith('..')) errors.push(invalidError(path, target, "must not start with '..'"));
  return errors;
}
