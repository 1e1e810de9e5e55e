import { invalidError, notSupportedError, requiredError, forbiddenError, type FieldError } from '../field-error.js';
import { validateLabels, validateLabelName } from './labels.js';
import { isAbsent, readObject, readObjectArray, readStringArray, readString } from './json.js';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** metav1.LabelSelector: valid label keys and values; In/NotIn need values, Exists/DoesNotExist take none. */
export function validateLabelSelector(selector: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const s = readObject(selector, path, errors) ?? {};
  if (!isAbsent(s.matchLabels)) errors.push(...validateLabels(s.matchLabels, `${path}.matchLabels`));
  for (const { item, index } of readObjectArray(s.matchExpressions, `${path}.matchExpressions`, errors)) {
    const at = `${path}.matchExpressions[${index}]`;
    const key = readString(item.key, `${at}.key`, errors);
    if (key === undefined) errors.push(requiredError(`${at}.key`));
    else errors.push(...validateLabelName(key, `${at}.key`));
    const operator = readString(item.operator, `${at}.operator`, errors);
    const values = readStringArray(item.values, `${at}.values`, errors) ?? [];
    if (operator === undefined || !OPERATORS.includes(operator)) {
      errors.push(notSupportedError(`${at}.operator`, operator ?? '', OPERATORS));
    } else if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
      errors.push(requiredError(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
      errors.push(forbiddenError(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    }
  }
  return errors;
}

/** An empty selector would select every pod in the namespace: apps/v1 refuses it. */
export function validateNonEmptySelector(selector: unknown, path: string): FieldError[] {
  const s = (selector ?? {}) as { matchLabels?: object; matchExpressions?: unknown[] };
  const empty = Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;
  return empty ? [invalidError(path, selector ?? null, 'empty selector is invalid for deployment')] : [];
}
