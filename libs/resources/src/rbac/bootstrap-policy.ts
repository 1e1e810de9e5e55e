// plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go: the default ClusterRoles and
// ClusterRoleBindings every cluster starts with (the API reconciles them at start).
import type { PolicyRule } from './types.js';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const READ_WRITE = [...READ, ...WRITE];
const rule = (verbs: string[], apiGroups: string[], resources: string[]): PolicyRule => ({ verbs, apiGroups, resources });

export const AGGREGATE_TO_ADMIN = 'rbac.authorization.k8s.io/aggregate-to-admin';
export const AGGREGATE_TO_EDIT = 'rbac.authorization.k8s.io/aggregate-to-edit';
export const AGGREGATE_TO_VIEW = 'rbac.authorization.k8s.io/aggregate-to-view';
/** Marks objects the API reconciles at start (kubernetes.io/bootstrapping: rbac-defaults). */
export const BOOTSTRAPPING_LABEL = 'kubernetes.io/bootstrapping';

export interface BootstrapClusterRole {
  metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
  rules: PolicyRule[];
  aggregationRule?: { clusterRoleSelectors: { matchLabels: Record<string, string> }[] };
}

export interface BootstrapClusterRoleBinding {
  metadata: { name: string; labels: Record<string, string>; annotations: Record<string, string> };
  roleRef: { apiGroup: string; kind: 'ClusterRole'; name: string };
  subjects: { kind: 'Group' | 'User'; apiGroup: string; name: string }[];
}

const meta = (name: string, labels: Record<string, string> = {}) => ({
  name,
  labels: { [BOOTSTRAPPING_LABEL]: 'rbac-defaults', ...labels },
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
});
const aggregate = (label: string) => ({ clusterRoleSelectors: [{ matchLabels: { [label]: 'true' } }] });

/** system:node: what a kubelet may do; the node authorizer narrows it to the node's own objects. */
export const NODE_RULES: PolicyRule[] = [
  rule(['create'], ['authentication.k8s.io'], ['tokenreviews']),
  rule(['create'], ['authorization.k8s.io'], ['subjectaccessreviews', 'localsubjectaccessreviews', 'selfsubjectaccessreviews']),
  rule(READ, [''], ['services', 'endpoints', 'namespaces']),
  rule(READ, ['discovery.k8s.io'], ['endpointslices']),
  rule(['create', 'get', 'list', 'watch'], [''], ['nodes']),
  rule(['update', 'patch'], [''], ['nodes/status']),
  rule(['update', 'patch'], [''], ['nodes']),
  // get: the event recorder reads an Event before counting a repeat (upstream's keeps a local cache).
  rule(['get', 'create', 'update', 'patch'], [''], ['events']),
  rule(READ, [''], ['pods']),
  rule(['create', 'delete'], [''], ['pods']),
  rule(['update', 'patch'], [''], ['pods/status']),
  rule(['create'], [''], ['pods/eviction']),
  rule(READ, [''], ['secrets', 'configmaps']),
  // Volumes of the node's pods; local-path volumes are removed by their node (NodeRestriction: only its own).
  rule(READ, [''], ['persistentvolumeclaims', 'persistentvolumes']),
  rule(READ, ['storage.k8s.io'], ['storageclasses']),
  rule(['delete'], [''], ['persistentvolumes']),
  rule(['create'], [''], ['serviceaccounts/token']),
  // list: the agent reads its nodes' leases in one call at start (writes stay its own: NodeRestriction).
  rule(['get', 'list', 'create', 'update', 'patch', 'delete'], ['coordination.k8s.io'], ['leases']),
];

export const BOOTSTRAP_CLUSTER_ROLES: readonly BootstrapClusterRole[] = [
  {
    metadata: meta('cluster-admin'),
    rules: [
      { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      { verbs: ['*'], nonResourceURLs: ['*'] },
    ],
  },
  { metadata: meta('admin'), rules: [], aggregationRule: aggregate(AGGREGATE_TO_ADMIN) },
  { metadata: meta('edit', { [AGGREGATE_TO_ADMIN]: 'true' }), rules: [], aggregationRule: aggregate(AGGREGATE_TO_EDIT) },
  { metadata: meta('view', { [AGGREGATE_TO_EDIT]: 'true' }), rules: [], aggregationRule: aggregate(AGGREGATE_TO_VIEW) },
  {
    metadata: meta('system:aggregate-to-admin', { [AGGREGATE_TO_ADMIN]: 'true' }),
    rules: [
      rule(READ_WRITE, ['authorization.k8s.io'], ['localsubjectaccessreviews']),
      rule(READ_WRITE, ['rbac.authorization.k8s.io'], ['roles', 'rolebindings']),
      rule(READ_WRITE, [''], ['resourcequotas', 'limitranges']),
    ],
  },
  {
    metadata: meta('system:aggregate-to-edit', { [AGGREGATE_TO_EDIT]: 'true' }),
    rules: [
      rule(READ, [''], ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy']),
      rule(['impersonate'], [''], ['serviceaccounts']),
      rule(WRITE, [''], ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
      rule(['create'], [''], ['pods/eviction']),
      rule(
        WRITE,
        [''],
        ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/proxy', 'persistentvolumeclaims', 'configmaps', 'secrets', 'events'],
      ),
      rule(['create'], [''], ['serviceaccounts/token']),
      rule(WRITE, ['apps'], ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'replicasets', 'replicasets/scale']),
      rule(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
      rule(WRITE, ['batch'], ['jobs', 'cronjobs']),
      rule(WRITE, ['policy'], ['poddisruptionbudgets']),
      rule(WRITE, ['networking.k8s.io'], ['networkpolicies', 'ingresses']),
      rule(WRITE, ['discovery.k8s.io'], ['endpointslices']),
      rule(READ_WRITE, ['coordination.k8s.io'], ['leases']),
    ],
  },
  {
    metadata: meta('system:aggregate-to-view', { [AGGREGATE_TO_VIEW]: 'true' }),
    rules: [
      rule(
        READ,
        [''],
        [
          'pods',
          'replicationcontrollers',
          'replicationcontrollers/scale',
          'serviceaccounts',
          'services',
          'services/status',
          'endpoints',
          'persistentvolumeclaims',
          'persistentvolumeclaims/status',
          'configmaps',
        ],
      ),
      rule(
        READ,
        [''],
        ['limitranges', 'resourcequotas', 'bindings', 'events', 'pods/status', 'resourcequotas/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log'],
      ),
      rule(READ, [''], ['namespaces']),
      rule(READ, ['discovery.k8s.io'], ['endpointslices']),
      rule(
        READ,
        ['apps'],
        [
          'controllerrevisions',
          'statefulsets',
          'statefulsets/scale',
          'statefulsets/status',
          'daemonsets',
          'daemonsets/status',
          'deployments',
          'deployments/scale',
          'deployments/status',
          'replicasets',
          'replicasets/scale',
          'replicasets/status',
        ],
      ),
      rule(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
      rule(READ, ['batch'], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
      rule(READ, ['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
      rule(READ, ['networking.k8s.io'], ['networkpolicies', 'ingresses', 'ingresses/status']),
    ],
  },
  {
    // metrics-server's role: pod and node usage for `top`.
    metadata: meta('system:aggregated-metrics-reader', { [AGGREGATE_TO_VIEW]: 'true', [AGGREGATE_TO_EDIT]: 'true', [AGGREGATE_TO_ADMIN]: 'true' }),
    rules: [rule(READ, ['metrics.k8s.io'], ['pods', 'nodes'])],
  },
  {
    metadata: meta('system:basic-user'),
    rules: [rule(['create'], ['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'])],
  },
  {
    metadata: meta('system:discovery'),
    rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/', '/api', '/api/*', '/apis', '/apis/*'] }],
  },
  { metadata: meta('system:node'), rules: NODE_RULES },
  {
    // What the API's own credential may do at node agents (logs, stats, exec).
    metadata: meta('system:kubelet-api-admin'),
    rules: [rule(['*'], [''], ['nodes/proxy', 'nodes/log', 'nodes/stats', 'nodes/metrics']), rule(['get', 'list', 'watch'], [''], ['nodes'])],
  },
  {
    // The shared bootstrap credential may only exchange itself for a node's own one.
    metadata: meta('system:node-bootstrapper'),
    rules: [rule(['create'], ['certificates.k8s.io'], ['certificatesigningrequests'])],
  },
];

const group = (name: string) => ({ kind: 'Group' as const, apiGroup: 'rbac.authorization.k8s.io', name });
const binding = (name: string, role: string, subjects: BootstrapClusterRoleBinding['subjects']): BootstrapClusterRoleBinding => ({
  metadata: meta(name),
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects,
});

export const BOOTSTRAP_CLUSTER_ROLE_BINDINGS: readonly BootstrapClusterRoleBinding[] = [
  binding('cluster-admin', 'cluster-admin', [group('system:masters')]),
  binding('system:basic-user', 'system:basic-user', [group('system:authenticated')]),
  binding('system:discovery', 'system:discovery', [group('system:authenticated')]),
  binding('system:node', 'system:node', [group('system:nodes')]),
  binding('system:node-bootstrapper', 'system:node-bootstrapper', [group('system:bootstrappers')]),
  binding('system:kube-apiserver-kubelet-client', 'system:kubelet-api-admin', [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'kube-apiserver-kubelet-client' }]),
];
