import { forbiddenError, invalidError, requiredError, type FieldError } from '../field-error.js';
import { validateAnnotations } from './annotations.js';
import { childPath } from './field-path.js';
import { validateFinalizers, validateNoNewFinalizers } from './finalizers.js';
import { isAbsent, isJsonObject, readInteger, readObject, readString, readStringArray, type JsonObject } from './json.js';
import { validateLabels } from './labels.js';
import { IMMUTABLE_ERROR, NEGATIVE_ERROR } from './messages.js';
import { isDns1035Label, isDns1123Label, isDns1123Subdomain, isValidPathSegmentName } from './names.js';
import { validateOwnerReferences } from './owner-references.js';
import { validateTimestamp } from './timestamp.js';

/** 'path-segment': RBAC objects (`system:node`), anything a URL path segment can hold. */
export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path-segment';

export interface ObjectMetaRules {
  /** Namespaced kinds need metadata.namespace; cluster-scoped kinds must not have one. */
  namespaced: boolean;
  /** Which DNS rule metadata.name follows. */
  nameRule: NameRule;
}

/** The name check for a rule. A generateName prefix may end in '-', which the random suffix follows. */
export function validateName(name: string, rule: NameRule, prefix = false): string[] {
  const value = prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -1)}a` : name;
  if (rule === 'dns1035') return isDns1035Label(value);
  if (rule === 'path-segment') return isValidPathSegmentName(name, prefix);
  return rule === 'label' ? isDns1123Label(value) : isDns1123Subdomain(value);
}

/**
 * metadata of any object, as apimachinery's ValidateObjectMeta plus the core API's
 * finalizer rule: name (required unless generateName is given) and namespace
 * rules, labels, annotations, owner references and finalizers.
 */
export function validateObjectMeta(meta: unknown, rules: ObjectMetaRules, path = 'metadata'): FieldError[] {
  const errors: FieldError[] = [];
  const m = readObject(meta, path, errors) ?? {};
  const name = readString(m.name, childPath(path, 'name'), errors) ?? '';
  const generateName = readString(m.generateName, childPath(path, 'generateName'), errors) ?? '';
  if (generateName) {
    errors.push(...validateName(generateName, rules.nameRule, true).map((msg) => invalidError(childPath(path, 'generateName'), generateName, msg)));
  }
  if (name) {
    errors.push(...validateName(name, rules.nameRule).map((msg) => invalidError(childPath(path, 'name'), name, msg)));
  } else if (!generateName) {
    errors.push(requiredError(childPath(path, 'name'), 'name or generateName is required'));
  }
  errors.push(...validateNamespaceField(m.namespace, rules.namespaced, childPath(path, 'namespace')));

  const generation = readInteger(m.generation, childPath(path, 'generation'), errors);
  if (generation !== undefined && generation < 0) errors.push(invalidError(childPath(path, 'generation'), generation, NEGATIVE_ERROR));
  readString(m.uid, childPath(path, 'uid'), errors);
  readString(m.resourceVersion, childPath(path, 'resourceVersion'), errors);
  errors.push(...validateTimestamp(m.creationTimestamp, childPath(path, 'creationTimestamp')));
  errors.push(...validateTimestamp(m.deletionTimestamp, childPath(path, 'deletionTimestamp')));
  const grace = readInteger(m.deletionGracePeriodSeconds, childPath(path, 'deletionGracePeriodSeconds'), errors);
  if (grace !== undefined && grace < 0) errors.push(invalidError(childPath(path, 'deletionGracePeriodSeconds'), grace, NEGATIVE_ERROR));

  errors.push(...validateLabels(m.labels, childPath(path, 'labels')));
  errors.push(...validateAnnotations(m.annotations, childPath(path, 'annotations')));
  errors.push(...validateOwnerReferences(m.ownerReferences, childPath(path, 'ownerReferences')));
  errors.push(...validateFinalizers(m.finalizers, childPath(path, 'finalizers')));
  return errors;
}

function validateNamespaceField(value: unknown, namespaced: boolean, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const namespace = readString(value, path, errors) ?? '';
  if (!namespaced) {
    if (namespace) errors.push(forbiddenError(path, 'not allowed on this type'));
  } else if (!namespace) {
    errors.push(requiredError(path));
  } else {
    errors.push(...isDns1123Label(namespace).map((msg) => invalidError(path, namespace, msg)));
  }
  return errors;
}

/**
 * The update-only rules of ValidateObjectMetaUpdate: identity fields are immutable,
 * generation never goes back, and once deletion has begun no finalizer may be added.
 * Validate the new metadata itself with validateObjectMeta as well.
 */
export function validateObjectMetaUpdate(next: unknown, prev: unknown, path = 'metadata'): FieldError[] {
  const errors: FieldError[] = [];
  const n: JsonObject = isJsonObject(next) ? next : {};
  const p: JsonObject = isJsonObject(prev) ? prev : {};
  for (const field of ['name', 'namespace', 'uid', 'creationTimestamp']) {
    if (!sameScalar(n[field], p[field])) errors.push(invalidError(childPath(path, field), n[field] ?? '', IMMUTABLE_ERROR));
  }
  const nextGeneration = n.generation;
  const prevGeneration = p.generation;
  if (typeof nextGeneration === 'number' && typeof prevGeneration === 'number' && nextGeneration < prevGeneration) {
    errors.push(invalidError(childPath(path, 'generation'), nextGeneration, 'must not be decremented'));
  }
  if (!isAbsent(p.deletionTimestamp)) {
    const ignored: FieldError[] = [];
    const nextFinalizers = readStringArray(n.finalizers, '', ignored) ?? [];
    const prevFinalizers = readStringArray(p.finalizers, '', ignored) ?? [];
    errors.push(...validateNoNewFinalizers(nextFinalizers, prevFinalizers, childPath(path, 'finalizers')));
  }
  return errors;
}

/** Unset, null and "" are the same value in Kubernetes JSON. */
function sameScalar(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? '' : v);
  return norm(a) === norm(b);
}
