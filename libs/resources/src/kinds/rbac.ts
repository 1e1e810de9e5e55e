import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import { validateBinding, validateBindingUpdate, validateClusterRole, validateRole, validateServiceAccount } from '../validation/rbac.js';
import { defaultBinding } from '../defaults/rbac.js';
import { cloneJson } from '../defaults/json-object.js';

/** Kinds whose fields sit next to metadata (no spec), with nothing to index beyond metadata. */
const plain = {
  bodyKey: null,
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
} as const;

/** core/v1 ServiceAccount: an identity for pods; tokens come from the TokenRequest mutation. */
export const ServiceAccountKind: KindInfo = {
  ...KIND_CATALOGUE.ServiceAccount,
  ...plain,
  table: 'service_accounts',
  nameRule: 'subdomain',
  applyDefaults: (o) => cloneJson(o),
  validate: (o) => validateServiceAccount(o),
};

/** rbac/v1 Role: rules within its namespace. RBAC names are path segments (`system:…`). */
export const RoleKind: KindInfo = {
  ...KIND_CATALOGUE.Role,
  ...plain,
  table: 'roles',
  nameRule: 'path-segment',
  applyDefaults: (o) => cloneJson(o),
  validate: (o) => validateRole(o),
};

/** rbac/v1 ClusterRole: cluster-wide rules; an aggregationRule makes the controller fill its rules. */
export const ClusterRoleKind: KindInfo = {
  ...KIND_CATALOGUE.ClusterRole,
  ...plain,
  table: 'cluster_roles',
  nameRule: 'path-segment',
  applyDefaults: (o) => cloneJson(o),
  validate: (o) => validateClusterRole(o),
};

export const RoleBindingKind: KindInfo = {
  ...KIND_CATALOGUE.RoleBinding,
  ...plain,
  table: 'role_bindings',
  nameRule: 'path-segment',
  applyDefaults: (o) => defaultBinding(o),
  validate: (o) => validateBinding(o, true),
  validateUpdate: (next, prev) => validateBindingUpdate(next, prev),
};

export const ClusterRoleBindingKind: KindInfo = {
  ...KIND_CATALOGUE.ClusterRoleBinding,
  ...plain,
  table: 'cluster_role_bindings',
  nameRule: 'path-segment',
  applyDefaults: (o) => defaultBinding(o),
  validate: (o) => validateBinding(o, false),
  validateUpdate: (next, prev) => validateBindingUpdate(next, prev),
};
