// rbac.authorization.k8s.io/v1 validation, as pkg/apis/rbac/validation/validation.go.
import { invalidError, notSupportedError, requiredError, type FieldError } from '../field-error.js';
import { childPath, indexPath } from './field-path.js';
import { isAbsent, isJsonObject, readObject, readObjectArray, readString, readStringArray, type JsonObject } from './json.js';
import { jsonEqual } from './json-diff.js';
import { validateLabelSelector } from './label-selector.js';
import { isDns1123Subdomain, isValidPathSegmentName } from './names.js';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
const SUBJECT_KINDS = ['ServiceAccount', 'User', 'Group'];

/** ValidatePolicyRule: verbs always; either non-resource URLs (cluster roles only) or API groups and resources. */
export function validatePolicyRule(rule: JsonObject, namespaced: boolean, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const verbs = readStringArray(rule.verbs, childPath(path, 'verbs'), errors) ?? [];
  const apiGroups = readStringArray(rule.apiGroups, childPath(path, 'apiGroups'), errors) ?? [];
  const resources = readStringArray(rule.resources, childPath(path, 'resources'), errors) ?? [];
  const resourceNames = readStringArray(rule.resourceNames, childPath(path, 'resourceNames'), errors) ?? [];
  const urls = readStringArray(rule.nonResourceURLs, childPath(path, 'nonResourceURLs'), errors) ?? [];
  if (verbs.length === 0) errors.push(requiredError(childPath(path, 'verbs'), 'verbs must contain at least one value'));
  if (urls.length > 0) {
    if (namespaced) errors.push(invalidError(childPath(path, 'nonResourceURLs'), urls, 'namespaced rules cannot apply to non-resource URLs'));
    if (apiGroups.length > 0 || resources.length > 0 || resourceNames.length > 0) {
      errors.push(invalidError(childPath(path, 'nonResourceURLs'), urls, 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errors;
  }
  if (apiGroups.length === 0) errors.push(requiredError(childPath(path, 'apiGroups'), 'resource rules must supply at least one api group'));
  if (resources.length === 0) errors.push(requiredError(childPath(path, 'resources'), 'resource rules must supply at least one resource'));
  return errors;
}

function validateRules(o: JsonObject, namespaced: boolean, errors: FieldError[]): void {
  for (const { item, index } of readObjectArray(o.rules, 'rules', errors)) errors.push(...validatePolicyRule(item, namespaced, indexPath('rules', index)));
}

/** ValidateRole. */
export function validateRole(role: unknown): FieldError[] {
  const errors: FieldError[] = [];
  validateRules(isJsonObject(role) ? role : {}, true, errors);
  return errors;
}

/** ValidateClusterRole: rules, and an aggregationRule with at least one valid selector. */
export function validateClusterRole(role: unknown): FieldError[] {
  const o: JsonObject = isJsonObject(role) ? role : {};
  const errors: FieldError[] = [];
  validateRules(o, false, errors);
  if (!isAbsent(o.aggregationRule)) {
    const rule = readObject(o.aggregationRule, 'aggregationRule', errors) ?? {};
    const selectors = readObjectArray(rule.clusterRoleSelectors, 'aggregationRule.clusterRoleSelectors', errors);
    if (selectors.length === 0) {
      errors.push(requiredError('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    }
    for (const { item, index } of selectors) errors.push(...validateLabelSelector(item, indexPath('aggregationRule.clusterRoleSelectors', index)));
  }
  return errors;
}

/** ValidateRoleBinding / ValidateClusterRoleBinding: the roleRef, and every subject. */
export function validateBinding(binding: unknown, namespaced: boolean): FieldError[] {
  const o: JsonObject = isJsonObject(binding) ? binding : {};
  const errors: FieldError[] = [];
  const ref = readObject(o.roleRef, 'roleRef', errors) ?? {};
  const apiGroup = readString(ref.apiGroup, 'roleRef.apiGroup', errors) ?? '';
  if (apiGroup !== RBAC_GROUP) errors.push(notSupportedError('roleRef.apiGroup', apiGroup, [RBAC_GROUP]));
  const kind = readString(ref.kind, 'roleRef.kind', errors) ?? '';
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(kind)) errors.push(notSupportedError('roleRef.kind', kind, kinds));
  const name = readString(ref.name, 'roleRef.name', errors) ?? '';
  if (!name) errors.push(requiredError('roleRef.name'));
  else for (const message of isValidPathSegmentName(name)) errors.push(invalidError('roleRef.name', name, message));
  for (const { item, index } of readObjectArray(o.subjects, 'subjects', errors)) errors.push(...validateSubject(item, namespaced, indexPath('subjects', index)));
  return errors;
}

/** ValidateRoleBindingSubject. */
export function validateSubject(subject: JsonObject, namespaced: boolean, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const name = readString(subject.name, childPath(path, 'name'), errors) ?? '';
  const kind = readString(subject.kind, childPath(path, 'kind'), errors) ?? '';
  const apiGroup = readString(subject.apiGroup, childPath(path, 'apiGroup'), errors) ?? '';
  const namespace = readString(subject.namespace, childPath(path, 'namespace'), errors) ?? '';
  if (!name) errors.push(requiredError(childPath(path, 'name')));
  switch (kind) {
    case 'ServiceAccount':
      if (name) for (const message of isDns1123Subdomain(name)) errors.push(invalidError(childPath(path, 'name'), name, message));
      if (apiGroup) errors.push(notSupportedError(childPath(path, 'apiGroup'), apiGroup, ['']));
      if (!namespaced && !namespace) errors.push(requiredError(childPath(path, 'namespace')));
      break;
    case 'User':
    case 'Group':
      if (apiGroup !== RBAC_GROUP) errors.push(notSupportedError(childPath(path, 'apiGroup'), apiGroup, [RBAC_GROUP]));
      break;
    default:
      errors.push(notSupportedError(childPath(path, 'kind'), kind, SUBJECT_KINDS));
  }
  return errors;
}

/** ValidateRoleBindingUpdate: roleRef is immutable. */
export function validateBindingUpdate(next: unknown, prev: unknown): FieldError[] {
  const n = isJsonObject(next) ? next : {};
  const p = isJsonObject(prev) ? prev : {};
  return jsonEqual(n.roleRef ?? null, p.roleRef ?? null) ? [] : [invalidError('roleRef', n.roleRef ?? null, 'cannot change roleRef')];
}

/** ServiceAccount: secrets and imagePullSecrets are references by name. */
export function validateServiceAccount(account: unknown): FieldError[] {
  const o: JsonObject = isJsonObject(account) ? account : {};
  const errors: FieldError[] = [];
  if (!isAbsent(o.automountServiceAccountToken) && typeof o.automountServiceAccountToken !== 'boolean') {
    errors.push(invalidError('automountServiceAccountToken', o.automountServiceAccountToken, 'must be a boolean'));
  }
  for (const key of ['secrets', 'imagePullSecrets']) {
    for (const { item, index } of readObjectArray(o[key], key, errors)) readString(item.name, `${indexPath(key, index)}.name`, errors);
  }
  return errors;
}
