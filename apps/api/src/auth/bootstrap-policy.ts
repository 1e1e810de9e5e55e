import type { Store } from '@wheelhouse/db';
import {
  ApiError,
  BOOTSTRAP_CLUSTER_ROLE_BINDINGS,
  BOOTSTRAP_CLUSTER_ROLES,
  ClusterRoleBindingKind,
  ClusterRoleKind,
  aggregatedRules,
  type AggregatableRole,
  type KindInfo,
  type KubeObject,
} from '@wheelhouse/resources';

const AUTOUPDATE = 'rbac.authorization.kubernetes.io/autoupdate';

/**
 * kube-apiserver's RBAC bootstrap (the rbac/bootstrap-roles post-start hook): the default
 * ClusterRoles and ClusterRoleBindings exist after every start. A missing one is created;
 * an existing one whose autoupdate annotation is not "false" gets the default rules
 * (aggregated roles keep what the aggregation controller filled in).
 */
export async function bootstrapPolicy(store: Store): Promise<void> {
  for (const role of preAggregated()) {
    await ensure(store, ClusterRoleKind, role as unknown as KubeObject, (current) => {
      if (role.aggregationRule) return null;
      const same = JSON.stringify((current as { rules?: unknown }).rules ?? []) === JSON.stringify(role.rules);
      return same ? null : { rules: role.rules };
    });
  }
  for (const binding of BOOTSTRAP_CLUSTER_ROLE_BINDINGS) {
    await ensure(store, ClusterRoleBindingKind, binding as unknown as KubeObject, (current) => {
      const subjects = ((current as { subjects?: { kind?: string; name?: string }[] }).subjects ?? []).slice();
      const missing = binding.subjects.filter((s) => !subjects.some((c) => c.kind === s.kind && c.name === s.name));
      return missing.length === 0 ? null : { subjects: [...subjects, ...missing] };
    });
  }
}

/**
 * The default roles with admin/edit/view already aggregated (view feeds edit feeds admin),
 * so a new cluster's roles work before the controller-manager's first pass; the
 * aggregation controller keeps them current from then on.
 */
function preAggregated(): AggregatableRole[] {
  const roles = BOOTSTRAP_CLUSTER_ROLES.map((r) => ({ ...r, rules: [...r.rules] })) as AggregatableRole[];
  for (let pass = 0; pass < roles.length; pass++) {
    let changed = false;
    for (const role of roles) {
      const rules = aggregatedRules(role, roles);
      if (rules) {
        role.rules = rules;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return roles;
}

async function ensure(store: Store, kind: KindInfo, wanted: KubeObject, patchFor: (current: KubeObject) => Record<string, unknown> | null): Promise<void> {
  const name = wanted.metadata.name!;
  const current = await store.get(kind, undefined, name);
  if (!current) {
    try {
      await store.create(kind, { apiVersion: kind.apiVersion, kind: kind.kind, ...wanted } as KubeObject, undefined, { actor: 'system:apiserver' });
    } catch (error) {
      // Another API replica made it first.
      if (!(error instanceof ApiError && error.code === 'ALREADY_EXISTS')) throw error;
    }
    return;
  }
  if (current.metadata.annotations?.[AUTOUPDATE] === 'false') return;
  const patch = patchFor(current);
  if (patch) await store.patch(kind, undefined, name, patch, 'main', { actor: 'system:apiserver' });
}
