import { invalidError, notSupportedError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { readInteger, readObjectArray, readString } from './json.js';
import { validateLabelName } from './labels.js';
import { isValidLabelValue } from './names.js';
import { validateTaintEffect } from './taints.js';

export const TOLERATION_OPERATORS: readonly string[] = ['Equal', 'Exists'];

/** A pod's spec.tolerations (ValidateTolerations). */
export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const { item, index } of readObjectArray(tolerations, path, errors)) {
    const tolerationPath = indexPath(path, index);
    const key = readString(item.key, childPath(tolerationPath, 'key'), errors) ?? '';
    const operator = readString(item.operator, childPath(tolerationPath, 'operator'), errors) ?? '';
    const value = readString(item.value, childPath(tolerationPath, 'value'), errors) ?? '';
    const effect = readString(item.effect, childPath(tolerationPath, 'effect'), errors) ?? '';
    const seconds = readInteger(item.tolerationSeconds, childPath(tolerationPath, 'tolerationSeconds'), errors);
    if (key) errors.push(...validateLabelName(key, childPath(tolerationPath, 'key')));
    // An empty key matches every taint, which only makes sense as "exists".
    if (!key && operator !== 'Exists') {
      errors.push(invalidError(childPath(tolerationPath, 'operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    // Only NoExecute evicts, so only it has a time limit to tolerate.
    if (seconds !== undefined && effect !== 'NoExecute') {
      errors.push(invalidError(childPath(tolerationPath, 'effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === '' || operator === 'Equal') {
      const problems = isValidLabelValue(value);
      if (problems.length > 0) errors.push(invalidError(childPath(tolerationPath, 'operator'), value, problems.join(';')));
    } else if (operator === 'Exists') {
      if (value) errors.push(invalidError(childPath(tolerationPath, 'operator'), item, "value must be empty when `operator` is 'Exists'"));
    } else {
      errors.push(notSupportedError(childPath(tolerationPath, 'operator'), operator, TOLERATION_OPERATORS));
    }
    errors.push(...validateTaintEffect(effect, true, childPath(tolerationPath, 'effect')));
  }
  return errors;
}
