/**
 * The catalogue: who each kind is (names, group/version, scope, subresources), once, for every
 * process and the browser. Behaviour lives elsewhere: validation and storage in
 * libs/resources (whose KindInfo spreads these entries), printing in libs/printers.
 * Adding a kind adds its entry here; the `satisfies` below fails to compile until every kind
 * the API serves (generated `ObjectTypes`) has one, and a test checks the names agree.
 */
import type { ObjectTypes } from './generated/kinds.js';

export type KindName = keyof ObjectTypes;

export interface KindIdentity {
  kind: string;
  /** '' for the core group. */
  group: string;
  version: string;
  /** `v1`, `apps/v1`. */
  apiVersion: string;
  /** GraphQL root field of one object: `pod`, `replicaSet`. */
  singular: string;
  /** GraphQL root field of the list: `pods`, `replicaSets`. */
  plural: string;
  /** kubectl's resource name: `pods`, `replicasets`. */
  resource: string;
  /** kubectl short names (`po`, `rs`). */
  shortNames: readonly string[];
  namespaced: boolean;
  /** Has a status written through the status mutations. */
  hasStatus: boolean;
  /** Has the scale subresource (`scale<Kind>`). */
  scalable: boolean;
  /** kubectl categories, e.g. `all` (what `get all` lists). */
  categories: readonly string[];
}

type Spec = Omit<KindIdentity, 'group' | 'version' | 'resource' | 'shortNames' | 'scalable' | 'categories'> &
  Partial<Pick<KindIdentity, 'shortNames' | 'scalable' | 'categories' | 'resource'>>;

function define<const S extends Spec>(spec: S) {
  const [group, version] = spec.apiVersion.includes('/') ? spec.apiVersion.split('/') : ['', spec.apiVersion];
  return {
    shortNames: [] as readonly string[],
    scalable: false,
    categories: [] as readonly string[],
    ...spec,
    group: group!,
    version: version!,
    // Endpoints is its own plural in Kubernetes; GraphQL needs a distinct list field.
    resource: spec.resource ?? spec.plural.toLowerCase(),
  };
}

/** In navigation order: what users reach for first. */
export const KIND_CATALOGUE = {
  Namespace: define({ kind: 'Namespace', apiVersion: 'v1', singular: 'namespace', plural: 'namespaces', shortNames: ['ns'], namespaced: false, hasStatus: true }),
  Node: define({ kind: 'Node', apiVersion: 'v1', singular: 'node', plural: 'nodes', shortNames: ['no'], namespaced: false, hasStatus: true }),
  Pod: define({ kind: 'Pod', apiVersion: 'v1', singular: 'pod', plural: 'pods', shortNames: ['po'], namespaced: true, hasStatus: true, categories: ['all'] }),
  Deployment: define({
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    singular: 'deployment',
    plural: 'deployments',
    shortNames: ['deploy'],
    namespaced: true,
    hasStatus: true,
    scalable: true,
    categories: ['all'],
  }),
  ReplicaSet: define({
    kind: 'ReplicaSet',
    apiVersion: 'apps/v1',
    singular: 'replicaSet',
    plural: 'replicaSets',
    shortNames: ['rs'],
    namespaced: true,
    hasStatus: true,
    scalable: true,
    categories: ['all'],
  }),
  ReplicationController: define({
    kind: 'ReplicationController',
    apiVersion: 'v1',
    singular: 'replicationController',
    plural: 'replicationControllers',
    shortNames: ['rc'],
    namespaced: true,
    hasStatus: true,
    scalable: true,
    categories: ['all'],
  }),
  DaemonSet: define({
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    singular: 'daemonSet',
    plural: 'daemonSets',
    shortNames: ['ds'],
    namespaced: true,
    hasStatus: true,
    categories: ['all'],
  }),
  Event: define({ kind: 'Event', apiVersion: 'v1', singular: 'event', plural: 'events', shortNames: ['ev'], namespaced: true, hasStatus: false }),
  Lease: define({ kind: 'Lease', apiVersion: 'coordination.k8s.io/v1', singular: 'lease', plural: 'leases', namespaced: true, hasStatus: false }),
  ConfigMap: define({ kind: 'ConfigMap', apiVersion: 'v1', singular: 'configMap', plural: 'configMaps', shortNames: ['cm'], namespaced: true, hasStatus: false }),
  Secret: define({ kind: 'Secret', apiVersion: 'v1', singular: 'secret', plural: 'secrets', namespaced: true, hasStatus: false }),
  Endpoints: define({
    kind: 'Endpoints',
    apiVersion: 'v1',
    singular: 'endpoints',
    plural: 'endpointsList',
    resource: 'endpoints',
    shortNames: ['ep'],
    namespaced: true,
    hasStatus: false,
  }),
  EndpointSlice: define({ kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', singular: 'endpointSlice', plural: 'endpointSlices', namespaced: true, hasStatus: false }),
  Service: define({ kind: 'Service', apiVersion: 'v1', singular: 'service', plural: 'services', shortNames: ['svc'], namespaced: true, hasStatus: true, categories: ['all'] }),
  ResourceQuota: define({ kind: 'ResourceQuota', apiVersion: 'v1', singular: 'resourceQuota', plural: 'resourceQuotas', shortNames: ['quota'], namespaced: true, hasStatus: true }),
  LimitRange: define({ kind: 'LimitRange', apiVersion: 'v1', singular: 'limitRange', plural: 'limitRanges', shortNames: ['limits'], namespaced: true, hasStatus: false }),
  Ingress: define({ kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', singular: 'ingress', plural: 'ingresses', shortNames: ['ing'], namespaced: true, hasStatus: true }),
  IngressClass: define({ kind: 'IngressClass', apiVersion: 'networking.k8s.io/v1', singular: 'ingressClass', plural: 'ingressClasses', namespaced: false, hasStatus: false }),
  CronJob: define({ kind: 'CronJob', apiVersion: 'batch/v1', singular: 'cronJob', plural: 'cronJobs', shortNames: ['cj'], namespaced: true, hasStatus: true, categories: ['all'] }),
  Job: define({ kind: 'Job', apiVersion: 'batch/v1', singular: 'job', plural: 'jobs', namespaced: true, hasStatus: true, categories: ['all'] }),
  HorizontalPodAutoscaler: define({
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    singular: 'horizontalPodAutoscaler',
    plural: 'horizontalPodAutoscalers',
    shortNames: ['hpa'],
    namespaced: true,
    hasStatus: true,
    categories: ['all'],
  }),
  PodDisruptionBudget: define({
    kind: 'PodDisruptionBudget',
    apiVersion: 'policy/v1',
    singular: 'podDisruptionBudget',
    plural: 'podDisruptionBudgets',
    shortNames: ['pdb'],
    namespaced: true,
    hasStatus: true,
  }),
  ControllerRevision: define({
    kind: 'ControllerRevision',
    apiVersion: 'apps/v1',
    singular: 'controllerRevision',
    plural: 'controllerRevisions',
    namespaced: true,
    hasStatus: false,
  }),
  PersistentVolume: define({
    kind: 'PersistentVolume',
    apiVersion: 'v1',
    singular: 'persistentVolume',
    plural: 'persistentVolumes',
    shortNames: ['pv'],
    namespaced: false,
    hasStatus: true,
  }),
  PersistentVolumeClaim: define({
    kind: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    singular: 'persistentVolumeClaim',
    plural: 'persistentVolumeClaims',
    shortNames: ['pvc'],
    namespaced: true,
    hasStatus: true,
  }),
  StorageClass: define({
    kind: 'StorageClass',
    apiVersion: 'storage.k8s.io/v1',
    singular: 'storageClass',
    plural: 'storageClasses',
    shortNames: ['sc'],
    namespaced: false,
    hasStatus: false,
  }),
  ServiceAccount: define({
    kind: 'ServiceAccount',
    apiVersion: 'v1',
    singular: 'serviceAccount',
    plural: 'serviceAccounts',
    shortNames: ['sa'],
    namespaced: true,
    hasStatus: false,
  }),
  Role: define({ kind: 'Role', apiVersion: 'rbac.authorization.k8s.io/v1', singular: 'role', plural: 'roles', namespaced: true, hasStatus: false }),
  ClusterRole: define({ kind: 'ClusterRole', apiVersion: 'rbac.authorization.k8s.io/v1', singular: 'clusterRole', plural: 'clusterRoles', namespaced: false, hasStatus: false }),
  RoleBinding: define({ kind: 'RoleBinding', apiVersion: 'rbac.authorization.k8s.io/v1', singular: 'roleBinding', plural: 'roleBindings', namespaced: true, hasStatus: false }),
  ClusterRoleBinding: define({
    kind: 'ClusterRoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    singular: 'clusterRoleBinding',
    plural: 'clusterRoleBindings',
    namespaced: false,
    hasStatus: false,
  }),
} as const satisfies { [K in KindName]: KindIdentity & { kind: K } };

export type Catalogue = typeof KIND_CATALOGUE;

/** Kinds by their GraphQL plural: `pods` → `Pod`. */
export type KindOfPlural = { [K in KindName as Catalogue[K]['plural']]: K };

/** Every kind, in catalogue order. */
export const KIND_LIST: readonly KindIdentity[] = Object.values(KIND_CATALOGUE);

export function kindIdentity(kind: string): KindIdentity | undefined {
  return (KIND_CATALOGUE as Record<string, KindIdentity>)[kind];
}

/** kubectl's lookup: Kind, resource, singular, plural or short name, any case. */
export function resolveKindName(name: string): KindIdentity | undefined {
  const lower = name.toLowerCase();
  return KIND_LIST.find(
    (k) => k.kind.toLowerCase() === lower || k.resource === lower || k.singular.toLowerCase() === lower || k.plural.toLowerCase() === lower || k.shortNames.includes(lower),
  );
}

/** `deployment.apps`, `pod`: kubectl's qualified resource name in messages. */
export const qualifiedKind = (k: KindIdentity) => `${k.kind.toLowerCase()}${k.group ? `.${k.group}` : ''}`;

const upperFirst = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The GraphQL operations every kind has (API.md "Operations"), by name. */
export function operationNames(k: Pick<KindIdentity, 'kind' | 'singular' | 'plural'>) {
  const Plural = upperFirst(k.plural);
  return {
    get: k.singular,
    list: k.plural,
    watch: `watch${Plural}`,
    create: `create${k.kind}`,
    createMany: `create${Plural}`,
    replace: `replace${k.kind}`,
    replaceStatus: `replace${k.kind}Status`,
    patch: `patch${k.kind}`,
    patchStatus: `patch${k.kind}Status`,
    patchManyStatus: `patch${Plural}Status`,
    delete: `delete${k.kind}`,
    scale: `scale${k.kind}`,
    input: `${k.kind}Input`,
  } as const;
}
