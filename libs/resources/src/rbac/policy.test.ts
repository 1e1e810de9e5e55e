// Ported from Kubernetes pkg/registry/rbac/validation/rule_test.go: TestDefaultRuleResolver, TestAppliesTo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appliesToUser, rulesFor, staticPolicy } from './policy.js';
import type { PolicyRule, Subject, UserInfo } from './types.js';

test('TestDefaultRuleResolver', () => {
  const ruleReadPods: PolicyRule = { verbs: ['GET', 'WATCH'], apiGroups: ['v1'], resources: ['pods'] };
  const ruleReadServices: PolicyRule = { verbs: ['GET', 'WATCH'], apiGroups: ['v1'], resources: ['services'] };
  const ruleWriteNodes: PolicyRule = { verbs: ['PUT', 'CREATE', 'UPDATE'], apiGroups: ['v1'], resources: ['nodes'] };
  const ruleAdmin: PolicyRule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'] };
  const staticRoles1 = staticPolicy({
    roles: [{ metadata: { namespace: 'namespace1', name: 'readthings' }, rules: [ruleReadPods, ruleReadServices] }],
    clusterRoles: [
      { metadata: { name: 'cluster-admin' }, rules: [ruleAdmin] },
      { metadata: { name: 'write-nodes' }, rules: [ruleWriteNodes] },
    ],
    roleBindings: [
      {
        metadata: { namespace: 'namespace1', name: '' },
        subjects: [
          { kind: 'User', name: 'foobar' },
          { kind: 'Group', name: 'group1' },
        ],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'readthings' },
      },
    ],
    clusterRoleBindings: [
      {
        metadata: { name: '' },
        subjects: [
          { kind: 'User', name: 'admin' },
          { kind: 'Group', name: 'admin' },
        ],
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      },
    ],
  });
  const cases: [UserInfo, string, PolicyRule[]][] = [
    [{ name: 'foobar', groups: [] }, 'namespace1', [ruleReadPods, ruleReadServices]],
    [{ name: 'foobar', groups: [] }, 'namespace2', []],
    // Same as above but without a namespace. Only cluster rules should apply.
    [{ name: 'foobar', groups: ['admin'] }, '', [ruleAdmin]],
    [{ name: '', groups: ['admin'] }, 'namespace1', [ruleAdmin]],
    [{ name: '', groups: [] }, '', []],
  ];
  for (const [user, namespace, expected] of cases) assert.deepEqual(rulesFor(staticRoles1, user, namespace), expected, `${JSON.stringify(user)} in ${namespace}`);
});

test('TestAppliesTo', () => {
  const user = (name: string, ...groups: string[]): UserInfo => ({ name, groups });
  const cases: [string, Subject[], UserInfo, string, number][] = [
    ['single subject that matches username', [{ kind: 'User', name: 'foobar' }], user('foobar'), '', 0],
    [
      'multiple subjects, one that matches username',
      [
        { kind: 'User', name: 'barfoo' },
        { kind: 'User', name: 'foobar' },
      ],
      user('foobar'),
      '',
      1,
    ],
    [
      'multiple subjects, none that match username',
      [
        { kind: 'User', name: 'barfoo' },
        { kind: 'User', name: 'foobar' },
      ],
      user('zimzam'),
      '',
      -1,
    ],
    [
      'multiple subjects, one that match group',
      [
        { kind: 'User', name: 'barfoo' },
        { kind: 'Group', name: 'foobar' },
      ],
      user('zimzam', 'foobar'),
      '',
      1,
    ],
    [
      'multiple subjects, one that match group, should ignore namespace',
      [
        { kind: 'User', name: 'barfoo' },
        { kind: 'Group', name: 'foobar' },
      ],
      user('zimzam', 'foobar'),
      'namespace1',
      1,
    ],
    [
      'multiple subjects with a service account that matches',
      [
        { kind: 'User', name: 'barfoo' },
        { kind: 'Group', name: 'foobar' },
        { kind: 'ServiceAccount', namespace: 'kube-system', name: 'default' },
      ],
      user('system:serviceaccount:kube-system:default'),
      'default',
      2,
    ],
    [
      "* user subject name doesn't match all users",
      [
        { kind: 'Group', name: 'foobar' },
        { kind: 'User', name: '*' },
      ],
      user('foobar'),
      'default',
      -1,
    ],
    [
      'binding to all authenticated and unauthenticated subjects matches authenticated user',
      [
        { kind: 'Group', name: 'system:authenticated' },
        { kind: 'Group', name: 'system:unauthenticated' },
      ],
      user('foobar', 'system:authenticated'),
      'default',
      0,
    ],
    [
      'binding to all authenticated and unauthenticated subjects matches anonymous user',
      [
        { kind: 'Group', name: 'system:authenticated' },
        { kind: 'Group', name: 'system:unauthenticated' },
      ],
      user('system:anonymous', 'system:unauthenticated'),
      'default',
      1,
    ],
    // A ServiceAccount subject without a namespace means the binding's namespace.
    ['service account in the binding namespace', [{ kind: 'ServiceAccount', name: 'builder' }], user('system:serviceaccount:ci:builder'), 'ci', 0],
    ['service account subject without namespace in a cluster binding', [{ kind: 'ServiceAccount', name: 'builder' }], user('system:serviceaccount:ci:builder'), '', -1],
  ];
  for (const [name, subjects, who, namespace, index] of cases) {
    assert.equal(
      subjects.findIndex((s) => appliesToUser(who, s, namespace)),
      index,
      name,
    );
  }
});
