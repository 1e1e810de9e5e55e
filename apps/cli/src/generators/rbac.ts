// kubectl's RBAC generators (pkg/cmd/create/create_role.go, create_clusterrole.go,
// create_rolebinding.go, create_clusterrolebinding.go, create_serviceaccount.go).
import { resolveKindName } from '@wheelhouse/model';
import { UsageError } from '../errors.js';

const RBAC = 'rbac.authorization.k8s.io';
const VALID_RESOURCE_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate'];
const VALID_NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

interface Rule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** `--verb=get,list --verb=watch`: kubectl splits each value on commas. */
const splitAll = (values: string[]) =>
  values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

/** `pods`, `pods/log`, `deployments.apps`, `deploy/scale`: the resource, its group (from the catalogue when not given) and subresource. */
export function parseResource(text: string): { resource: string; group: string } {
  const [head, subresource] = text.split('/', 2) as [string, string | undefined];
  const dot = head.indexOf('.');
  const name = dot >= 0 ? head.slice(0, dot) : head;
  const givenGroup = dot >= 0 ? head.slice(dot + 1) : undefined;
  const kind = resolveKindName(name);
  if (!kind || (givenGroup !== undefined && givenGroup !== kind.group)) throw new UsageError(`the server doesn't have a resource type "${head}"`);
  return { resource: subresource ? `${kind.resource}/${subresource}` : kind.resource, group: kind.group };
}

/** One rule per API group, in the order groups first appear (as kubectl's complete()). */
function resourceRules(verbs: string[], resources: string[], resourceNames: string[]): Rule[] {
  const byGroup = new Map<string, string[]>();
  for (const text of resources) {
    const { resource, group } = parseResource(text);
    const list = byGroup.get(group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(group, list);
  }
  return [...byGroup].map(([group, list]) => ({ verbs, apiGroups: [group], resources: list, ...(resourceNames.length ? { resourceNames } : {}) }));
}

export interface RoleOptions {
  verbs: string[];
  resources: string[];
  resourceNames: string[];
}

export function roleObject(name: string, o: RoleOptions): Record<string, unknown> {
  const verbs = splitAll(o.verbs);
  const resources = splitAll(o.resources);
  if (verbs.length === 0) throw new UsageError('at least one verb must be specified');
  if (resources.length === 0) throw new UsageError('at least one resource must be specified');
  for (const verb of verbs) if (!VALID_RESOURCE_VERBS.includes(verb)) throw new UsageError(`invalid verb: '${verb}'`);
  return { metadata: { name }, rules: resourceRules(verbs, resources, splitAll(o.resourceNames)) };
}

export interface ClusterRoleOptions extends RoleOptions {
  nonResourceURLs: string[];
  aggregationRule: string[];
}

export function clusterRoleObject(name: string, o: ClusterRoleOptions): Record<string, unknown> {
  const aggregation = splitAll(o.aggregationRule);
  if (aggregation.length > 0) {
    if (o.verbs.length || o.resources.length || o.nonResourceURLs.length)
      throw new UsageError('aggregation rule must be specified without nonResourceURLs, resources, verbs or resourceNames');
    const matchLabels: Record<string, string> = {};
    for (const pair of aggregation) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`invalid aggregation rule "${pair}": expected key=value`);
      matchLabels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return { metadata: { name }, aggregationRule: { clusterRoleSelectors: [{ matchLabels }] } };
  }
  const verbs = splitAll(o.verbs);
  const urls = splitAll(o.nonResourceURLs);
  const resources = splitAll(o.resources);
  if (verbs.length === 0) throw new UsageError('at least one verb must be specified');
  if (resources.length === 0 && urls.length === 0) throw new UsageError('one of resource or nonResourceURL must be specified');
  for (const url of urls) {
    if (!url.startsWith('/')) throw new UsageError(`'${url}' is not a valid non-resource URL, should start with '/'`);
    if (url.slice(0, -1).includes('*')) throw new UsageError(`'${url}' is not a valid non-resource URL: '*' may only end it`);
  }
  const rules: Rule[] = [];
  if (resources.length > 0) {
    for (const verb of verbs) if (!VALID_RESOURCE_VERBS.includes(verb)) throw new UsageError(`invalid verb: '${verb}'`);
    rules.push(...resourceRules(verbs, resources, splitAll(o.resourceNames)));
  }
  if (urls.length > 0) {
    const nonResourceVerbs = verbs.filter((v) => VALID_NON_RESOURCE_VERBS.includes(v));
    if (nonResourceVerbs.length === 0) throw new UsageError(`invalid verb: '${verbs[0]}' for nonResourceURL`);
    rules.push({ verbs: nonResourceVerbs, nonResourceURLs: urls });
  }
  return { metadata: { name }, rules };
}

export interface BindingOptions {
  role?: string;
  clusterRole?: string;
  users: string[];
  groups: string[];
  serviceAccounts: string[];
}

function subjects(o: BindingOptions) {
  return [
    ...splitAll(o.users).map((name) => ({ kind: 'User', apiGroup: RBAC, name })),
    ...splitAll(o.groups).map((name) => ({ kind: 'Group', apiGroup: RBAC, name })),
    ...splitAll(o.serviceAccounts).map((sa) => {
      const parts = sa.split(':');
      if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(`serviceaccount must be <namespace>:<name>`);
      return { kind: 'ServiceAccount', apiGroup: '', namespace: parts[0], name: parts[1] };
    }),
  ];
}

export function roleBindingObject(name: string, o: BindingOptions): Record<string, unknown> {
  if (!!o.role === !!o.clusterRole) throw new UsageError('exactly one of clusterrole or role must be specified');
  const roleRef = o.role ? { apiGroup: RBAC, kind: 'Role', name: o.role } : { apiGroup: RBAC, kind: 'ClusterRole', name: o.clusterRole! };
  return { metadata: { name }, roleRef, subjects: subjects(o) };
}

export function clusterRoleBindingObject(name: string, o: BindingOptions): Record<string, unknown> {
  if (!o.clusterRole) throw new UsageError('clusterrole must be specified');
  if (o.role) throw new UsageError('a clusterrolebinding refers to a clusterrole: use --clusterrole');
  return { metadata: { name }, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: o.clusterRole }, subjects: subjects(o) };
}

export const serviceAccountObject = (name: string): Record<string, unknown> => ({ metadata: { name } });

/** A Go duration as `kubectl create token --duration` takes it (`10m`, `1h30m`, `3600s`), in whole seconds. */
export function parseDurationSeconds(text: string): number {
  const re = /(\d+(?:\.\d+)?)(h|m|s)/g;
  let total = 0;
  let consumed = '';
  for (const match of text.matchAll(re)) {
    total += Number(match[1]) * { h: 3600, m: 60, s: 1 }[match[2] as 'h' | 'm' | 's'];
    consumed += match[0];
  }
  if (!text || consumed !== text) throw new UsageError(`invalid argument "${text}" for "--duration" flag: time: invalid duration "${text}"`);
  return Math.floor(total);
}
