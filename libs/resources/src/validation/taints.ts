import { duplicateError, invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { readObjectArray, readString } from './json.js';
import { validateLabelName } from './labels.js';
import { isValidLabelValue } from './names.js';
import { validateTimestamp } from './timestamp.js';

export const TAINT_EFFECTS: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A taint or toleration effect; tolerations may leave it empty to match every effect. */
export function validateTaintEffect(effect: string, allowEmpty: boolean, path: string): FieldError[] {
  if (effect === '') return allowEmpty ? [] : [requiredError(path)];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupportedError(path, effect, TAINT_EFFECTS)];
}

/** A node's spec.taints (validateNodeTaints): qualified keys, label values, an effect, unique by key and effect. */
export function validateTaints(taints: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const { item, index } of readObjectArray(taints, path, errors)) {
    const taintPath = indexPath(path, index);
    const key = readString(item.key, childPath(taintPath, 'key'), errors) ?? '';
    errors.push(...validateLabelName(key, childPath(taintPath, 'key')));
    const value = readString(item.value, childPath(taintPath, 'value'), errors) ?? '';
    const valueProblems = isValidLabelValue(value);
    if (valueProblems.length > 0) errors.push(invalidError(childPath(taintPath, 'value'), value, valueProblems.join(';')));
    const effect = readString(item.effect, childPath(taintPath, 'effect'), errors) ?? '';
    errors.push(...validateTaintEffect(effect, false, childPath(taintPath, 'effect')));
    errors.push(...validateTimestamp(item.timeAdded, childPath(taintPath, 'timeAdded')));
    const identity = `${key}:${effect}`;
    if (seen.has(identity)) errors.push(duplicateError(taintPath, identity, 'taints must be unique by key and effect pair'));
    seen.add(identity);
  }
  return errors;
}
