// pkg/registry/rbac/{role,clusterrole,rolebinding,clusterrolebinding}/policybased: a user
// may only write a Role, ClusterRole or binding that grants what the user already holds,
// unless it has `escalate` on the role (roles) or `bind` on the referenced role (bindings).
// system:masters may do anything. It runs as write admission, on the object as it would
// be stored, so creates, replaces, patches and apply are all checked alike.
import type { CreateAdmission, PlannedWrite } from '@wheelhouse/db';
import {
  ApiError,
  escalationProblem,
  forbiddenStatusMessage,
  FULL_AUTHORITY,
  qualifiedResource,
  roleReferenceRules,
  rulesFor,
  SYSTEM_MASTERS,
  type PolicyRule,
  type RoleRef,
} from '@wheelhouse/resources';
import type { Authorizer } from './authorize.js';
import type { Principal } from './tokens.js';
import { userOf } from './authorize.js';

const RBAC = 'rbac.authorization.k8s.io';
const ROLE_KINDS = new Set(['Role', 'ClusterRole']);
const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

/** The admission of one caller: escalation checks, then the API's own admission. */
export function escalationAdmission(principal: Principal, authorizer: Authorizer, next: CreateAdmission | undefined): CreateAdmission {
  return {
    async admit(store, writes) {
      for (const write of writes) check(principal, authorizer, write);
      return next ? next.admit(store, writes) : writes;
    },
  };
}

function check(principal: Principal, authorizer: Authorizer, write: PlannedWrite): void {
  const kind = write.kind.kind;
  if (!ROLE_KINDS.has(kind) && !BINDING_KINDS.has(kind)) return;
  if (write.plan.type !== 'create' && write.plan.type !== 'update') return;
  if (principal.groups.includes(SYSTEM_MASTERS)) return;
  const object = write.plan.object as unknown as { metadata: { name: string; namespace?: string }; rules?: PolicyRule[]; aggregationRule?: unknown; roleRef?: RoleRef };
  const namespace = write.kind.namespaced ? (object.metadata.namespace ?? '') : '';
  const name = object.metadata.name;
  const forbidden = (reason: string) => new ApiError('FORBIDDEN', forbiddenStatusMessage(qualifiedResource(write.kind.resource, RBAC), name, reason));
  const held = () => rulesFor(authorizer.policy, userOf(principal), namespace);
  if (ROLE_KINDS.has(kind)) {
    if (authorizer.allows(principal, { verb: 'escalate', apiGroup: RBAC, resource: write.kind.resource, namespace: namespace || undefined, name })) return;
    const problem = escalationProblem(userOf(principal), held(), object.rules ?? []);
    if (problem) throw forbidden(problem);
    // An aggregationRule can gather any rule: it takes full authority (as upstream).
    if (object.aggregationRule && escalationProblem(userOf(principal), held(), FULL_AUTHORITY)) {
      throw forbidden('must have cluster-admin privileges to use the aggregationRule');
    }
    return;
  }
  const ref = object.roleRef ?? {};
  const refResource = ref.kind === 'Role' ? 'roles' : 'clusterroles';
  if (authorizer.allows(principal, { verb: 'bind', apiGroup: RBAC, resource: refResource, namespace: namespace || undefined, name: ref.name })) return;
  const problem = escalationProblem(userOf(principal), held(), roleReferenceRules(authorizer.policy, ref, namespace));
  if (problem) throw forbidden(problem);
}
