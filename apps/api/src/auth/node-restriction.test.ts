// After Kubernetes' plugin/pkg/admission/noderestriction/admission_test.go (TestAdmitNode…):
// what a node's credential may write without a lookup, and what needs the pod's node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideNodeTarget, nodeNameOf, volumePinnedTo } from './node-restriction.js';
import type { RequestTarget } from './attributes.js';

const t = (verb: string, resource: string, extra: Partial<RequestTarget> = {}, apiGroup = ''): RequestTarget => ({ verb, apiGroup, resource, ...extra });

test('node writes: its own Node and Lease; pods by their node; reads and events are RBAC’s', () => {
  const cases: [string, RequestTarget, ReturnType<typeof decideNodeTarget>][] = [
    ['own node status', t('patch', 'nodes', { name: 'mynode', subresource: 'status' }), null],
    ['create own node', t('create', 'nodes', { objectName: 'mynode' }), null],
    ['other node status', t('patch', 'nodes', { name: 'othernode', subresource: 'status' }), 'node "mynode" is not allowed to modify node "othernode"'],
    ['create other node', t('create', 'nodes', { objectName: 'othernode' }), 'node "mynode" is not allowed to modify node "othernode"'],
    ['delete other node', t('delete', 'nodes', { name: 'othernode' }), 'node "mynode" is not allowed to modify node "othernode"'],
    ['read other node', t('get', 'nodes', { name: 'othernode' }), null],
    ['own lease', t('patch', 'leases', { namespace: 'kube-node-lease', name: 'mynode' }, 'coordination.k8s.io'), null],
    [
      'other lease',
      t('patch', 'leases', { namespace: 'kube-node-lease', name: 'othernode' }, 'coordination.k8s.io'),
      'node "mynode" can only access node lease with the same name as the requesting node',
    ],
    [
      'lease elsewhere',
      t('create', 'leases', { namespace: 'kube-system', objectName: 'mynode' }, 'coordination.k8s.io'),
      'node "mynode" can only access node lease with the same name as the requesting node',
    ],
    ['pod status', t('patch', 'pods', { namespace: 'ns', name: 'p', subresource: 'status' }), { namespace: 'ns', name: 'p', what: 'update pod status' }],
    ['pod delete', t('delete', 'pods', { namespace: 'ns', name: 'p' }), { namespace: 'ns', name: 'p', what: 'delete pods' }],
    ['pod eviction', t('create', 'pods', { namespace: 'ns', name: 'p', subresource: 'eviction' }), { namespace: 'ns', name: 'p', what: 'evict pods' }],
    [
      'token bound to a pod',
      t('create', 'serviceaccounts', { namespace: 'ns', name: 'sa', subresource: 'token', boundPodName: 'p' }),
      { namespace: 'ns', name: 'p', what: 'create tokens' },
    ],
    ['unbound token', t('create', 'serviceaccounts', { namespace: 'ns', name: 'sa', subresource: 'token' }), 'node "mynode" can only create tokens bound to pods'],
    ['pod create', t('create', 'pods', { namespace: 'ns', objectName: 'p' }), 'node "mynode" can only create mirror pods, which this cluster does not have'],
    ['pod binding', t('create', 'pods', { namespace: 'ns', name: 'p', subresource: 'binding' }), 'node "mynode" may not bind pods'],
    ['pods deletecollection', t('deletecollection', 'pods', { namespace: 'ns' }), 'node "mynode" may only deletecollection named pods bound to it'],
    ['pod list', t('list', 'pods'), null],
    ['volume delete', t('delete', 'persistentvolumes', { name: 'pvc-1' }), { volume: 'pvc-1' }],
    ['volume patch', t('patch', 'persistentvolumes', { name: 'pvc-1' }), 'node "mynode" may only delete named persistentvolumes of its own'],
    ['volume read', t('get', 'persistentvolumes', { name: 'pvc-1' }), null],
    ['events', t('create', 'events', { namespace: 'ns' }), null],
  ];
  for (const [name, target, expected] of cases) assert.deepEqual(decideNodeTarget('mynode', target), expected, name);
});

test('only system:node:NAME in system:nodes is a node', () => {
  assert.equal(nodeNameOf({ name: 'system:node:n1', role: 'node', groups: ['system:nodes', 'system:authenticated'] }), 'n1');
  assert.equal(nodeNameOf({ name: 'system:node:n1', role: 'user', groups: ['system:authenticated'] }), undefined);
  assert.equal(nodeNameOf({ name: 'node', role: 'node', groups: ['system:bootstrappers', 'system:authenticated'] }), undefined);
});

test('a node may remove only volumes pinned to it by hostname (the local-path provisioner’s)', () => {
  const pinned = (values: string[], key = 'kubernetes.io/hostname') => ({
    metadata: { name: 'pv' },
    spec: { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values }] }] } } },
  });
  assert.equal(volumePinnedTo(pinned(['mynode']), 'mynode'), true);
  assert.equal(volumePinnedTo(pinned(['othernode']), 'mynode'), false);
  assert.equal(volumePinnedTo(pinned(['mynode', 'othernode']), 'mynode'), false);
  assert.equal(volumePinnedTo(pinned(['mynode'], 'zone'), 'mynode'), false);
  assert.equal(volumePinnedTo({ metadata: { name: 'pv' }, spec: {} }, 'mynode'), false);
});
