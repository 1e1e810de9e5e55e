// pkg/registry/rbac/validation/rule.go: which rules apply to a user in a namespace.
import type { PolicyRule, RoleRef, Subject, UserInfo } from './types.js';

export interface RoleLike {
  metadata: { name: string; namespace?: string | null };
  rules?: PolicyRule[] | null;
}

export interface BindingLike {
  metadata: { name: string; namespace?: string | null };
  roleRef: RoleRef;
  subjects?: Subject[] | null;
}

/** The RBAC objects the authorizer reads (an informer's cache in the API). */
export interface PolicySource {
  clusterRole(name: string): RoleLike | undefined;
  role(namespace: string, name: string): RoleLike | undefined;
  clusterRoleBindings(): Iterable<BindingLike>;
  roleBindings(namespace: string): Iterable<BindingLike>;
}

export const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

export const serviceAccountUsername = (namespace: string, name: string) => `${SERVICE_ACCOUNT_PREFIX}${namespace}:${name}`;

/** appliesToUser: a subject names the user, one of its groups, or its service account (namespace defaulting to the binding's). */
export function appliesToUser(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name ?? '');
    case 'ServiceAccount': {
      const namespace = subject.namespace || bindingNamespace;
      return !!namespace && user.name === serviceAccountUsername(namespace, subject.name ?? '');
    }
    default:
      return false;
  }
}

/** GetRoleReferenceRules: the rules of a binding's role (none when it does not exist). */
export function roleReferenceRules(source: PolicySource, ref: RoleRef, bindingNamespace: string): PolicyRule[] {
  if (ref.kind === 'ClusterRole') return source.clusterRole(ref.name ?? '')?.rules ?? [];
  if (ref.kind === 'Role') return bindingNamespace ? (source.role(bindingNamespace, ref.name ?? '')?.rules ?? []) : [];
  return [];
}

/**
 * VisitRulesFor: cluster role bindings first, then the namespace's role bindings. The
 * visitor returns false to stop early (the authorizer stops at the first allowing rule).
 */
export function visitRulesFor(source: PolicySource, user: UserInfo, namespace: string, visit: (rule: PolicyRule) => boolean): void {
  for (const binding of source.clusterRoleBindings()) {
    if (!(binding.subjects ?? []).some((s) => appliesToUser(user, s, ''))) continue;
    for (const rule of roleReferenceRules(source, binding.roleRef, '')) if (!visit(rule)) return;
  }
  if (!namespace) return;
  for (const binding of source.roleBindings(namespace)) {
    if (!(binding.subjects ?? []).some((s) => appliesToUser(user, s, namespace))) continue;
    for (const rule of roleReferenceRules(source, binding.roleRef, namespace)) if (!visit(rule)) return;
  }
}

/** RulesFor: every rule the user holds in the namespace (cluster-wide rules included). */
export function rulesFor(source: PolicySource, user: UserInfo, namespace: string): PolicyRule[] {
  const rules: PolicyRule[] = [];
  visitRulesFor(source, user, namespace, (rule) => {
    rules.push(rule);
    return true;
  });
  return rules;
}

/** An in-memory PolicySource over plain lists (tests, and the API's cache). */
export function staticPolicy(objects: { roles?: RoleLike[]; clusterRoles?: RoleLike[]; roleBindings?: BindingLike[]; clusterRoleBindings?: BindingLike[] }): PolicySource {
  const key = (ns: string | null | undefined, name: string) => `${ns ?? ''}/${name}`;
  const roles = new Map((objects.roles ?? []).map((r) => [key(r.metadata.namespace, r.metadata.name), r]));
  const clusterRoles = new Map((objects.clusterRoles ?? []).map((r) => [r.metadata.name, r]));
  const byNamespace = new Map<string, BindingLike[]>();
  for (const b of objects.roleBindings ?? []) {
    const list = byNamespace.get(b.metadata.namespace ?? '') ?? [];
    list.push(b);
    byNamespace.set(b.metadata.namespace ?? '', list);
  }
  const clusterBindings = objects.clusterRoleBindings ?? [];
  return {
    clusterRole: (name) => clusterRoles.get(name),
    role: (namespace, name) => roles.get(key(namespace, name)),
    clusterRoleBindings: () => clusterBindings,
    roleBindings: (namespace) => byNamespace.get(namespace) ?? [],
  };
}
