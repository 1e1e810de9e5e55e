// Ported from Kubernetes pkg/apis/rbac/validation/validation_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateBinding, validateBindingUpdate, validateClusterRole, validateRole } from './rbac.js';
import { validateObjectMeta } from './object-meta.js';
import { summarise, fullText } from './fixtures.js';

const G = 'rbac.authorization.k8s.io';
const clusterBinding = (over: Record<string, unknown> = {}) => ({
  metadata: { name: 'master' },
  roleRef: { apiGroup: G, kind: 'ClusterRole', name: 'valid' },
  subjects: [
    { name: 'validsaname', apiGroup: '', namespace: 'foo', kind: 'ServiceAccount' },
    { name: 'valid@username', apiGroup: G, kind: 'User' },
    { name: 'valid@groupname', apiGroup: G, kind: 'Group' },
  ],
  ...over,
});
const binding = (over: Record<string, unknown> = {}) => ({
  metadata: { namespace: 'master', name: 'default' },
  roleRef: { apiGroup: G, kind: 'Role', name: 'valid' },
  subjects: [
    { name: 'validsaname', apiGroup: '', kind: 'ServiceAccount' },
    { name: 'valid@username', apiGroup: G, kind: 'User' },
    { name: 'valid@groupname', apiGroup: G, kind: 'Group' },
  ],
  ...over,
});
const ref = (kind: string, name = 'valid', apiGroup = G) => ({ roleRef: { apiGroup, kind, name } });
/** What the store checks: metadata (RBAC names are path segments) and the kind's rules. */
const check = (o: { metadata: Record<string, unknown> }, namespaced: boolean, kindRules: (o: unknown) => ReturnType<typeof validateRole>) =>
  summarise([...validateObjectMeta(o.metadata, { namespaced, nameRule: 'path-segment' }), ...kindRules(o)]);

test('TestValidateClusterRoleBinding', () => {
  assert.deepEqual(
    check(clusterBinding(), false, (o) => validateBinding(o, false)),
    [],
  );
  const cases: [string, ReturnType<typeof clusterBinding>, string][] = [
    ['bad group', clusterBinding(ref('ClusterRole', 'valid', 'rbac.GroupName')), 'roleRef.apiGroup NotSupported'],
    ['bad kind', clusterBinding(ref('Type')), 'roleRef.kind NotSupported'],
    ['reference role', clusterBinding(ref('Role')), 'roleRef.kind NotSupported'],
    ['zero-length name', clusterBinding({ metadata: {} }), 'metadata.name Required'],
    ['bad role', clusterBinding(ref('ClusterRole', '')), 'roleRef.name Required'],
    ['bad subject kind', clusterBinding({ subjects: [{ name: 'subject' }] }), 'subjects[0].kind NotSupported'],
    ['bad subject name', clusterBinding({ subjects: [{ namespace: 'foo', name: 'subject:bad', kind: 'ServiceAccount' }] }), 'subjects[0].name Invalid'],
    ['missing SA namespace', clusterBinding({ subjects: [{ name: 'good', kind: 'ServiceAccount' }] }), 'subjects[0].namespace Required'],
    ['missing subject name', clusterBinding({ subjects: [{ namespace: 'foo', kind: 'ServiceAccount' }] }), 'subjects[0].name Required'],
  ];
  for (const [name, object, expected] of cases)
    assert.deepEqual(
      check(object, false, (o) => validateBinding(o, false)),
      [expected],
      name,
    );
});

test('TestValidateRoleBinding', () => {
  assert.deepEqual(
    check(binding(), true, (o) => validateBinding(o, true)),
    [],
  );
  const cases: [string, ReturnType<typeof binding>, string][] = [
    ['bad group', binding(ref('ClusterRole', 'valid', 'rbac.GroupName')), 'roleRef.apiGroup NotSupported'],
    ['bad kind', binding(ref('Type')), 'roleRef.kind NotSupported'],
    ['zero-length namespace', binding({ metadata: { name: 'default' } }), 'metadata.namespace Required'],
    ['zero-length name', binding({ metadata: { namespace: 'master' } }), 'metadata.name Required'],
    ['bad role', binding(ref('Role', '')), 'roleRef.name Required'],
    ['bad subject kind', binding({ subjects: [{ name: 'subject' }] }), 'subjects[0].kind NotSupported'],
    ['bad subject name', binding({ subjects: [{ name: 'subject:bad', kind: 'ServiceAccount' }] }), 'subjects[0].name Invalid'],
    ['missing subject name', binding({ subjects: [{ kind: 'ServiceAccount' }] }), 'subjects[0].name Required'],
  ];
  for (const [name, object, expected] of cases)
    assert.deepEqual(
      check(object, true, (o) => validateBinding(o, true)),
      [expected],
      name,
    );
});

test('TestValidateRoleBindingUpdate', () => {
  assert.deepEqual(summarise(validateBindingUpdate(binding(), binding())), []);
  assert.deepEqual(summarise(validateBindingUpdate(binding(ref('Role', 'changed')), binding())), ['roleRef Invalid']);
  assert.match(fullText(validateBindingUpdate(binding(ref('Role', 'changed')), binding()))[0]!, /cannot change roleRef$/);
});

test('TestValidateRole rules', () => {
  const role = (rule: Record<string, unknown>) => ({ metadata: { namespace: 'default', name: 'default' }, rules: [rule] });
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['TestValidateRoleValidResource', { verbs: ['get'], apiGroups: ['v1'], resources: ['pods'] }, []],
    ['TestValidateRoleNonResourceURL', { verbs: ['get'], nonResourceURLs: ['/*'] }, ['rules[0].nonResourceURLs Invalid']],
    [
      'TestValidateRoleNamespacedNonResourceURL (mixed)',
      { verbs: ['get'], nonResourceURLs: ['/*'], apiGroups: ['v1'], resources: ['pods'] },
      ['rules[0].nonResourceURLs Invalid', 'rules[0].nonResourceURLs Invalid'],
    ],
    ['TestValidateRoleNoVerbs', { verbs: [], apiGroups: ['v1'], resources: ['pods'] }, ['rules[0].verbs Required']],
    ['TestValidateRoleNoAPIGroup', { verbs: ['get'], resources: ['pods'] }, ['rules[0].apiGroups Required']],
    ['TestValidateRoleNoResources', { verbs: ['get'], apiGroups: ['v1'] }, ['rules[0].resources Required']],
  ];
  for (const [name, rule, expected] of cases) assert.deepEqual(check(role(rule), true, validateRole), expected, name);
});

test('TestValidateClusterRole rules and aggregationRule', () => {
  const role = (over: Record<string, unknown>) => ({ metadata: { name: 'system:node' }, ...over });
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['TestValidateClusterRoleNonResourceURL', role({ rules: [{ verbs: ['get'], nonResourceURLs: ['/*'] }] }), []],
    [
      'TestValidateClusterRoleMixedNonResourceAndResource',
      role({ rules: [{ verbs: ['get'], nonResourceURLs: ['/*'], apiGroups: ['v1'], resources: ['pods'] }] }),
      ['rules[0].nonResourceURLs Invalid'],
    ],
    ['aggregation rule without selectors', role({ aggregationRule: { clusterRoleSelectors: [] } }), ['aggregationRule.clusterRoleSelectors Required']],
    ['aggregation rule with a valid selector', role({ aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.example.com/x': 'true' } }] } }), []],
    [
      'aggregation rule with a bad operator',
      role({ aggregationRule: { clusterRoleSelectors: [{ matchExpressions: [{ key: 'k', operator: 'Near' }] }] } }),
      ['aggregationRule.clusterRoleSelectors[0].matchExpressions[0].operator NotSupported'],
    ],
    ['name with a slash', { metadata: { name: 'a/b' } }, ['metadata.name Invalid']],
    ['name ..', { metadata: { name: '..' } }, ['metadata.name Invalid']],
  ];
  for (const [name, object, expected] of cases) assert.deepEqual(check(object as { metadata: Record<string, unknown> }, false, validateClusterRole), expected, name);
});
