import { forbiddenError, type FieldError } from '../field-error.js';
import type { JobSpecLike } from './job-types.js';

/**
 * Job fields Kubernetes accepts that this cluster's Job controller does not act on yet.
 * They are refused rather than stored and silently ignored; each goes when the controller
 * implements it.
 */
export function validateJobFieldsImplemented(spec: JobSpecLike | undefined): FieldError[] {
  const s = spec ?? {};
  const unsupported = (field: keyof JobSpecLike) => (s[field] === undefined ? [] : [forbiddenError(`spec.${field}`, 'is not supported by this cluster\u2019s Job controller yet')]);
  return [...unsupported('successPolicy'), ...unsupported('backoffLimitPerIndex'), ...unsupported('maxFailedIndexes')];
}
