import { cloneJson } from './json-object.js';
import { RBAC_GROUP } from '../validation/rbac.js';

interface Binding {
  roleRef?: { apiGroup?: string };
  subjects?: { kind?: string; apiGroup?: string }[];
}

/** rbac/v1 defaults: roleRef.apiGroup, and User/Group subjects' apiGroup, are rbac.authorization.k8s.io when empty. */
export function defaultBinding<T>(binding: T): T {
  const b = cloneJson(binding) as T & Binding;
  if (b.roleRef && !b.roleRef.apiGroup) b.roleRef.apiGroup = RBAC_GROUP;
  for (const subject of Array.isArray(b.subjects) ? b.subjects : []) {
    if (subject && (subject.kind === 'User' || subject.kind === 'Group') && !subject.apiGroup) subject.apiGroup = RBAC_GROUP;
  }
  return b;
}
