import { invalidError, requiredError, type FieldError } from '../field-error.js';
import { validateObjectFieldSelector, validateResourceFieldSelector } from './downward-api.js';
import { childPath, indexPath } from './field-path.js';
import { readObject, readObjectArray, readString, type JsonObject } from './json.js';
import { isConfigMapKey, isDns1123Subdomain, isEnvVarName } from './names.js';

/**
 * A container's env (ValidateEnv). As in Kubernetes, `value` and `valueFrom` are
 * mutually exclusive and neither is needed: a bare name sets an empty variable.
 */
export function validateEnv(env: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const { item, index } of readObjectArray(env, path, errors)) {
    const varPath = indexPath(path, index);
    const name = readString(item.name, childPath(varPath, 'name'), errors) ?? '';
    if (!name) errors.push(requiredError(childPath(varPath, 'name')));
    else errors.push(...isEnvVarName(name).map((msg) => invalidError(childPath(varPath, 'name'), name, msg)));
    const value = readString(item.value, childPath(varPath, 'value'), errors) ?? '';
    errors.push(...validateEnvVarSource(item.valueFrom, value, childPath(varPath, 'valueFrom')));
  }
  return errors;
}

/** Exactly one source, and no literal value beside it. */
function validateEnvVarSource(valueFrom: unknown, value: string, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const source = readObject(valueFrom, path, errors);
  if (!source) return errors;
  let sources = 0;
  if (isSet(source.fieldRef)) {
    sources++;
    errors.push(...validateObjectFieldSelector(source.fieldRef, childPath(path, 'fieldRef')));
  }
  if (isSet(source.resourceFieldRef)) {
    sources++;
    errors.push(...validateResourceFieldSelector(source.resourceFieldRef, childPath(path, 'resourceFieldRef')));
  }
  if (isSet(source.configMapKeyRef)) {
    sources++;
    errors.push(...validateKeySelector(source.configMapKeyRef, childPath(path, 'configMapKeyRef')));
  }
  if (isSet(source.secretKeyRef)) {
    sources++;
    errors.push(...validateKeySelector(source.secretKeyRef, childPath(path, 'secretKeyRef')));
  }
  if (sources === 0) {
    errors.push(invalidError(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (value.length > 0) {
    errors.push(invalidError(path, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errors.push(invalidError(path, '', 'may not have more than one field specified at a time'));
  }
  return errors;
}

/** configMapKeyRef / secretKeyRef: an object name and one of its keys. */
function validateKeySelector(selector: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const s = readObject(selector, path, errors);
  if (!s) return errors;
  const name = readString(s.name, childPath(path, 'name'), errors) ?? '';
  errors.push(...isDns1123Subdomain(name).map((msg) => invalidError(childPath(path, 'name'), name, msg)));
  const key = readString(s.key, childPath(path, 'key'), errors) ?? '';
  if (!key) errors.push(requiredError(childPath(path, 'key')));
  else errors.push(...isConfigMapKey(key).map((msg) => invalidError(childPath(path, 'key'), key, msg)));
  return errors;
}

/** A container's envFrom (ValidateEnvFrom): one ConfigMap or Secret per entry, an optional valid prefix. */
export function validateEnvFrom(envFrom: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const { item, index } of readObjectArray(envFrom, path, errors)) {
    const entryPath = indexPath(path, index);
    const prefix = readString(item.prefix, childPath(entryPath, 'prefix'), errors) ?? '';
    if (prefix) errors.push(...isEnvVarName(prefix).map((msg) => invalidError(childPath(entryPath, 'prefix'), prefix, msg)));
    const refs = ['configMapRef', 'secretRef'].filter((k) => isSet(item[k]));
    for (const ref of refs) errors.push(...validateObjectReference(item[ref], childPath(entryPath, ref)));
    if (refs.length === 0) errors.push(invalidError(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (refs.length > 1) errors.push(invalidError(path, '', 'may not have more than one field specified at a time'));
  }
  return errors;
}

function validateObjectReference(reference: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const r: JsonObject = readObject(reference, path, errors) ?? {};
  const name = readString(r.name, childPath(path, 'name'), errors) ?? '';
  if (!name) errors.push(requiredError(childPath(path, 'name')));
  else errors.push(...isDns1123Subdomain(name).map((msg) => invalidError(childPath(path, 'name'), name, msg)));
  return errors;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}
