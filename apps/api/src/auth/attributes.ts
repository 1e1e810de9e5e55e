// Each GraphQL root field as the Kubernetes request(s) it stands for: (verb, apiGroup,
// resource, subresource, namespace, name), what RBAC decides on. The per-kind operations
// come from the kind catalogue, so a new kind is covered without an edit here; the few
// other fields are listed below, and a field in neither is refused (attributes.test.ts
// fails when the schema has one).
import { KIND_LIST, operationNames, resolveKindName, type KindIdentity } from '@wheelhouse/model';
import { ApiError } from '@wheelhouse/resources';
import { parseManifest } from '../modules/apply/parse-manifest.js';

/** One Kubernetes request, without the user. */
export interface RequestTarget {
  verb: string;
  apiGroup: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** A non-resource request (resource ''): `/healthz`. */
  path?: string;
  /** A create's object name (RBAC ignores it, as Kubernetes does; NodeRestriction reads it). */
  objectName?: string;
  /** TokenRequest: the pod the token is bound to (NodeRestriction reads it). */
  boundPodName?: string;
}

export type Args = Record<string, unknown>;
type Mapper = (args: Args) => RequestTarget[];

const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const list = (value: unknown): Args[] => (Array.isArray(value) ? value.filter((v): v is Args => typeof v === 'object' && v !== null) : []);
const metaOf = (input: unknown) => ((typeof input === 'object' && input !== null ? (input as { metadata?: unknown }).metadata : undefined) ?? {}) as Args;

/** The namespace of a request on one object: the argument, the input's, or `default` (cluster-scoped: none). */
function namespaceOf(kind: KindIdentity, args: Args, input?: unknown): string | undefined {
  if (!kind.namespaced) return undefined;
  return str(args.namespace) ?? str(metaOf(input).namespace) ?? 'default';
}

function target(kind: KindIdentity, verb: string, extra: Partial<RequestTarget> = {}): RequestTarget {
  return { verb, apiGroup: kind.group, resource: kind.resource, ...extra };
}

/** The operations every kind has (kinds.ts operationNames), as Kubernetes verbs. */
function kindOperations(kind: KindIdentity): [string, Mapper][] {
  const ops = operationNames(kind);
  const one =
    (verb: string, subresource?: string): Mapper =>
    (args) => [target(kind, verb, { namespace: namespaceOf(kind, args), name: str(args.name), ...(subresource ? { subresource } : {}) })];
  const collection =
    (verb: string): Mapper =>
    (args) => [target(kind, verb, { namespace: kind.namespaced ? str(args.namespace) : undefined })];
  const each =
    (verb: string, subresource?: string): Mapper =>
    (args) =>
      list(args.items).map((item) => target(kind, verb, { namespace: namespaceOf(kind, item), name: str(item.name), ...(subresource ? { subresource } : {}) }));
  const entries: [string, Mapper][] = [
    [ops.get, one('get')],
    [ops.list, collection('list')],
    [ops.watch, collection('watch')],
    [ops.create, (args) => [target(kind, 'create', { namespace: namespaceOf(kind, args, args.input), objectName: str(metaOf(args.input).name) })]],
    [ops.createMany, (args) => list(args.inputs).map((input) => target(kind, 'create', { namespace: namespaceOf(kind, args, input), objectName: str(metaOf(input).name) }))],
    [ops.replace, one('update')],
    [ops.patch, one('patch')],
    [ops.delete, one('delete')],
    [ops.replaceStatus, one('update', 'status')],
    [ops.patchStatus, one('patch', 'status')],
    [ops.patchManyStatus, each('patch', 'status')],
    [`patch${ops.list[0]!.toUpperCase()}${ops.list.slice(1)}`, each('patch')],
  ];
  if (kind.scalable) entries.push([ops.scale, one('patch', 'scale')]);
  return entries;
}

const kind = (name: string) => {
  const k = resolveKindName(name);
  if (!k) throw new Error(`no kind ${name}`);
  return k;
};
const Pod = () => kind('Pod');
const Node = () => kind('Node');
const Deployment = () => kind('Deployment');

/** Fields that are not one kind's CRUD: what Kubernetes request each one is. */
const SPECIAL: Record<string, Mapper> = {
  podLogs: (a) => [target(Pod(), 'get', { subresource: 'log', namespace: namespaceOf(Pod(), a), name: str(a.name) })],
  followPodLogs: (a) => [target(Pod(), 'get', { subresource: 'log', namespace: namespaceOf(Pod(), a), name: str(a.name) })],
  execPod: (a) => [target(Pod(), 'create', { subresource: 'exec', namespace: namespaceOf(Pod(), a), name: str(a.name) })],
  // metrics-server's API: metrics.k8s.io pods and nodes.
  podMetrics: (a) => [{ verb: str(a.name) ? 'get' : 'list', apiGroup: 'metrics.k8s.io', resource: 'pods', namespace: str(a.namespace), name: str(a.name) }],
  nodeMetrics: (a) => [{ verb: str(a.name) ? 'get' : 'list', apiGroup: 'metrics.k8s.io', resource: 'nodes', name: str(a.name) }],
  history: (a) => {
    const k = resolveKindName(str(a.kind) ?? '');
    if (!k) throw new ApiError('BAD_USER_INPUT', `the server doesn't have a resource type "${str(a.kind) ?? ''}"`, 'kind');
    return [target(k, 'get', { namespace: namespaceOf(k, a), name: str(a.name) })];
  },
  deploymentHistory: (a) => [
    target(Deployment(), 'get', { namespace: namespaceOf(Deployment(), a), name: str(a.name) }),
    target(kind('ReplicaSet'), 'list', { namespace: namespaceOf(Deployment(), a) }),
  ],
  restartDeployment: (a) => [target(Deployment(), 'patch', { namespace: namespaceOf(Deployment(), a), name: str(a.name) })],
  pauseDeployment: (a) => [target(Deployment(), 'patch', { namespace: namespaceOf(Deployment(), a), name: str(a.name) })],
  resumeDeployment: (a) => [target(Deployment(), 'patch', { namespace: namespaceOf(Deployment(), a), name: str(a.name) })],
  rollbackDeployment: (a) => [
    target(Deployment(), 'patch', { namespace: namespaceOf(Deployment(), a), name: str(a.name) }),
    target(kind('ReplicaSet'), 'list', { namespace: namespaceOf(Deployment(), a) }),
  ],
  bindPod: (a) => [target(Pod(), 'create', { subresource: 'binding', namespace: namespaceOf(Pod(), a), name: str(a.name) })],
  bindPods: (a) => list(a.items).map((i) => target(Pod(), 'create', { subresource: 'binding', namespace: namespaceOf(Pod(), i), name: str(i.name) })),
  evictPod: (a) => [target(Pod(), 'create', { subresource: 'eviction', namespace: namespaceOf(Pod(), a), name: str(a.name) })],
  cordonNode: (a) => [target(Node(), 'patch', { name: str(a.name) })],
  uncordonNode: (a) => [target(Node(), 'patch', { name: str(a.name) })],
  // kubectl drain: patch the node, list its pods everywhere, evict them.
  drainNode: (a) => [target(Node(), 'patch', { name: str(a.name) }), target(Pod(), 'list'), target(Pod(), 'create', { subresource: 'eviction' })],
  finalizeNamespace: (a) => [target(kind('Namespace'), 'update', { subresource: 'finalize', name: str(a.name) })],
  apply: (a) => applyTargets(str(a.manifest) ?? '', str(a.namespace)),
  createToken: (a) => [
    target(kind('ServiceAccount'), 'create', {
      subresource: 'token',
      namespace: str(a.namespace) ?? 'default',
      name: str(a.serviceAccountName),
      ...(str(a.boundPodName) ? { boundPodName: str(a.boundPodName) } : {}),
    }),
  ],
  // Asking what one may do is open to every authenticated user (system:basic-user).
  selfSubjectAccessReview: () => [{ verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' }],
  nodeCredential: () => [{ verb: 'create', apiGroup: 'certificates.k8s.io', resource: 'certificatesigningrequests' }],
};

/** apply creates what is missing and patches what exists: each document needs both. */
function applyTargets(manifest: string, namespace: string | undefined): RequestTarget[] {
  return parseManifest(manifest).flatMap(({ object }) => {
    const k = resolveKindName(str(object.kind) ?? '');
    if (!k) return [];
    const ns = namespaceOf(k, { namespace }, object);
    const name = str(metaOf(object).name);
    return [target(k, 'create', { namespace: ns, objectName: name }), target(k, 'patch', { namespace: ns, name })];
  });
}

const TABLE: Map<string, Mapper> = new Map([...KIND_LIST.flatMap(kindOperations), ...Object.entries(SPECIAL)]);

/** Whether a root field has a mapping (introspection fields need none). */
export const isMapped = (field: string) => field.startsWith('__') || TABLE.has(field);

/** The Kubernetes requests of one root field; a field without a mapping is an error (fail closed). */
export function requestTargets(field: string, args: Args): RequestTarget[] {
  if (field.startsWith('__')) return [];
  const mapper = TABLE.get(field);
  if (!mapper) throw new ApiError('FORBIDDEN', `forbidden: operation ${JSON.stringify(field)} has no authorization mapping`);
  return mapper(args);
}
