import { invalidError, type FieldError } from '../field-error.js';
import { readString } from './json.js';

/** RFC 3339, as metav1.Time and metav1.MicroTime serialise: `2024-05-01T12:00:00Z`, optional fraction or offset. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function isRfc3339(value: string): boolean {
  return RFC3339.test(value) && !Number.isNaN(Date.parse(value));
}

/** An optional timestamp field; Kubernetes would refuse to decode anything else. */
export function validateTimestamp(value: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const text = readString(value, path, errors);
  if (text !== undefined && !isRfc3339(text)) errors.push(invalidError(path, text, 'must be an RFC 3339 timestamp (e.g. 2006-01-02T15:04:05Z)'));
  return errors;
}
