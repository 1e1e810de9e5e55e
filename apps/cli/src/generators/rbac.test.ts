// kubectl's RBAC generators, after pkg/cmd/create/create_role_test.go (TestCreateRole,
// TestValidate, TestComplete), create_clusterrole_test.go, create_rolebinding_test.go and
// create_clusterrolebinding_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterRoleBindingObject, clusterRoleObject, parseDurationSeconds, roleBindingObject, roleObject } from './rbac.js';

const G = 'rbac.authorization.k8s.io';

test('TestCreateRole: resources grouped by API group, subresources kept, resource names on every rule', () => {
  assert.deepEqual(roleObject('foo', { verbs: ['get,list,watch'], resources: ['pods,deployments.apps'], resourceNames: [] }), {
    metadata: { name: 'foo' },
    rules: [
      { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] },
      { verbs: ['get', 'list', 'watch'], apiGroups: ['apps'], resources: ['deployments'] },
    ],
  });
  assert.deepEqual(roleObject('foo', { verbs: ['get'], resources: ['pods/log', 'deploy/scale'], resourceNames: ['foo'] }).rules, [
    { verbs: ['get'], apiGroups: [''], resources: ['pods/log'], resourceNames: ['foo'] },
    { verbs: ['get'], apiGroups: ['apps'], resources: ['deployments/scale'], resourceNames: ['foo'] },
  ]);
});

test('TestValidate (role): verbs and resources are required and checked', () => {
  const cases: [Parameters<typeof roleObject>[1], RegExp][] = [
    [{ verbs: [], resources: ['pods'], resourceNames: [] }, /at least one verb must be specified/],
    [{ verbs: ['get'], resources: [], resourceNames: [] }, /at least one resource must be specified/],
    [{ verbs: ['invalid-verb'], resources: ['pods'], resourceNames: [] }, /invalid verb: 'invalid-verb'/],
    [{ verbs: ['get'], resources: ['invalid-resource'], resourceNames: [] }, /the server doesn't have a resource type "invalid-resource"/],
    [{ verbs: ['get'], resources: ['pods.apps'], resourceNames: [] }, /the server doesn't have a resource type "pods.apps"/],
  ];
  for (const [options, error] of cases) assert.throws(() => roleObject('r', options), error);
});

test('create clusterrole: non-resource URLs and aggregation rules', () => {
  assert.deepEqual(clusterRoleObject('foo', { verbs: ['get'], resources: [], resourceNames: [], nonResourceURLs: ['/logs/', '/healthz/*'], aggregationRule: [] }).rules, [
    { verbs: ['get'], nonResourceURLs: ['/logs/', '/healthz/*'] },
  ]);
  assert.deepEqual(clusterRoleObject('foo', { verbs: [], resources: [], resourceNames: [], nonResourceURLs: [], aggregationRule: ['foo1=foo2,foo3=foo4'] }), {
    metadata: { name: 'foo' },
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { foo1: 'foo2', foo3: 'foo4' } }] },
  });
  assert.throws(() => clusterRoleObject('foo', { verbs: ['get'], resources: [], resourceNames: [], nonResourceURLs: ['logs'], aggregationRule: [] }), /should start with '\/'/);
  assert.throws(
    () => clusterRoleObject('foo', { verbs: ['get'], resources: ['pods'], resourceNames: [], nonResourceURLs: [], aggregationRule: ['a=b'] }),
    /aggregation rule must be specified without/,
  );
});

test('create rolebinding / clusterrolebinding: roleRef and subjects', () => {
  assert.deepEqual(roleBindingObject('fake-binding', { role: 'fake-role', users: ['fake-user'], groups: ['fake-group'], serviceAccounts: ['fake-namespace:fake-account'] }), {
    metadata: { name: 'fake-binding' },
    roleRef: { apiGroup: G, kind: 'Role', name: 'fake-role' },
    subjects: [
      { kind: 'User', apiGroup: G, name: 'fake-user' },
      { kind: 'Group', apiGroup: G, name: 'fake-group' },
      { kind: 'ServiceAccount', apiGroup: '', namespace: 'fake-namespace', name: 'fake-account' },
    ],
  });
  assert.throws(() => roleBindingObject('b', { role: 'r', clusterRole: 'c', users: [], groups: [], serviceAccounts: [] }), /exactly one of clusterrole or role must be specified/);
  assert.throws(() => roleBindingObject('b', { users: [], groups: [], serviceAccounts: [] }), /exactly one of clusterrole or role must be specified/);
  assert.throws(() => roleBindingObject('b', { role: 'r', users: [], groups: [], serviceAccounts: ['no-colon'] }), /serviceaccount must be <namespace>:<name>/);
  assert.deepEqual(clusterRoleBindingObject('super', { clusterRole: 'cluster-admin', users: [], groups: ['devs'], serviceAccounts: [] }).roleRef, {
    apiGroup: G,
    kind: 'ClusterRole',
    name: 'cluster-admin',
  });
  assert.throws(() => clusterRoleBindingObject('b', { users: [], groups: [], serviceAccounts: [] }), /clusterrole must be specified/);
});

test('create token --duration takes Go durations', () => {
  assert.equal(parseDurationSeconds('10m'), 600);
  assert.equal(parseDurationSeconds('1h30m'), 5400);
  assert.equal(parseDurationSeconds('3600s'), 3600);
  assert.throws(() => parseDurationSeconds('ten'), /invalid duration "ten"/);
});
