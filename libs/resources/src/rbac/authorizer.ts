// plugin/pkg/auth/authorizer/rbac/rbac.go, behind apiserver's privileged-group authorizer.
import { visitRulesFor, type PolicySource } from './policy.js';
import { ruleAllows } from './rule-match.js';
import { isResourceRequest, SYSTEM_MASTERS, type Attributes } from './types.js';

export interface Decision {
  allowed: boolean;
  /** Why it was allowed, for audit annotations. */
  reason: string;
}

/** system:masters may do anything (kube-apiserver's first authorizer); then RBAC. */
export function authorizeRbac(source: PolicySource, a: Attributes): Decision {
  if (a.user.groups.includes(SYSTEM_MASTERS)) return { allowed: true, reason: `member of ${SYSTEM_MASTERS}` };
  let allowed = false;
  visitRulesFor(source, a.user, a.namespace ?? '', (rule) => {
    allowed = ruleAllows(a, rule);
    return !allowed;
  });
  return { allowed, reason: allowed ? 'RBAC: allowed by a role binding' : '' };
}

/** apiserver's forbiddenMessage. */
export function forbiddenMessage(a: Attributes): string {
  if (!isResourceRequest(a)) return `User ${JSON.stringify(a.user.name)} cannot ${a.verb} path ${JSON.stringify(a.path ?? '')}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource!;
  const head = `User ${JSON.stringify(a.user.name)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup ?? '')}`;
  return a.namespace ? `${head} in the namespace ${JSON.stringify(a.namespace)}` : `${head} at the cluster scope`;
}

/** `pods`, `deployments.apps`: Kubernetes' qualified resource in a Forbidden status. */
export const qualifiedResource = (resource: string, group: string) => (group ? `${resource}.${group}` : resource);

/** errors.NewForbidden's message: `pods "x" is forbidden: <reason>` (without a name: `pods is forbidden: …`). */
export function forbiddenStatusMessage(qualified: string, name: string | undefined, reason: string): string {
  return name ? `${qualified} ${JSON.stringify(name)} is forbidden: ${reason}` : `${qualified} is forbidden: ${reason}`;
}

/** The whole message for a request the authorizer refused. */
export function refusedMessage(a: Attributes): string {
  if (!isResourceRequest(a)) return `forbidden: ${forbiddenMessage(a)}`;
  return forbiddenStatusMessage(qualifiedResource(a.resource!, a.apiGroup ?? ''), a.name, forbiddenMessage(a));
}
