import type { FieldError } from '../field-error.js';
import { childPath } from './field-path.js';
import { LIFECYCLE_HANDLERS, validateHandler } from './handler.js';
import { readObject } from './json.js';

/** postStart and preStop hooks: each, when set, takes exactly one action. */
export function validateLifecycle(lifecycle: unknown, path: string, gracePeriodSeconds: number): FieldError[] {
  const errors: FieldError[] = [];
  const l = readObject(lifecycle, path, errors);
  if (!l) return errors;
  for (const hook of ['postStart', 'preStop']) {
    const hookPath = childPath(path, hook);
    const handler = readObject(l[hook], hookPath, errors);
    if (handler) errors.push(...validateHandler(handler, hookPath, LIFECYCLE_HANDLERS, gracePeriodSeconds));
  }
  return errors;
}
