import { invalidError, requiredError, type FieldError } from '../field-error.js';
import { jsonEqual } from '../validation/json-diff.js';

/** apps/v1 ControllerRevision: a snapshot of a workload's template; `data` is opaque JSON. */
export interface ControllerRevisionLike {
  metadata?: { name?: string };
  data?: unknown;
  revision?: number;
}

/** Kubernetes' ValidateControllerRevision: data is mandatory, revision a non-negative integer. */
export function validateControllerRevision(revision: ControllerRevisionLike): FieldError[] {
  const errors: FieldError[] = [];
  if (revision.data === undefined || revision.data === null) errors.push(requiredError('data', 'data is mandatory'));
  if (revision.revision === undefined || revision.revision === null) {
    errors.push(requiredError('revision'));
  } else if (!Number.isInteger(revision.revision) || revision.revision < 0) {
    errors.push(invalidError('revision', revision.revision, 'must be greater than or equal to 0'));
  }
  return errors;
}

/** ValidateControllerRevisionUpdate: the snapshot itself never changes (the revision number may). */
export function validateControllerRevisionUpdate(next: ControllerRevisionLike, prev: ControllerRevisionLike): FieldError[] {
  const errors = validateControllerRevision(next);
  if (!jsonEqual(next.data ?? null, prev.data ?? null)) errors.push(invalidError('data', next.data ?? null, 'field is immutable'));
  return errors;
}
