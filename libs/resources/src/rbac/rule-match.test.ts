// Ported from Kubernetes plugin/pkg/auth/authorizer/rbac/rbac_test.go: TestAuthorizer, TestRuleMatches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorizeRbac, forbiddenMessage, refusedMessage } from './authorizer.js';
import { staticPolicy, type BindingLike, type RoleLike } from './policy.js';
import { ruleAllows } from './rule-match.js';
import type { Attributes, PolicyRule } from './types.js';

const split = (s: string) => s.split(',');
/** rbac_test.go newRule(verbs, apiGroups, resources, nonResourceURLs): comma-separated lists. */
const newRule = (verbs: string, groups: string, resources: string, urls: string): PolicyRule => ({
  verbs: split(verbs),
  apiGroups: split(groups),
  resources: split(resources),
  nonResourceURLs: split(urls),
});
const clusterRole = (name: string, ...rules: PolicyRule[]): RoleLike => ({ metadata: { name }, rules });
const subjects = (...specs: string[]) =>
  specs.map((s) => {
    const [kind, name] = s.split(':');
    return { kind, name, apiGroup: kind === 'ServiceAccount' ? '' : 'rbac.authorization.k8s.io' };
  });
const roleBinding = (namespace: string, role: string, ...who: string[]): BindingLike => ({
  metadata: { name: role, namespace },
  roleRef: { kind: 'ClusterRole', name: role },
  subjects: subjects(...who),
});
const clusterRoleBinding = (role: string, ...who: string[]): BindingLike => ({
  metadata: { name: role },
  roleRef: { kind: 'ClusterRole', name: role },
  subjects: subjects(...who),
});
/** defaultAttributes{user, groups, verb, resource, subresource, namespace, apiGroup}. */
const attrs = (user: string, groups: string, verb: string, resource: string, subresource: string, namespace: string): Attributes => ({
  user: { name: user, groups: groups ? split(groups) : [] },
  verb,
  resource,
  subresource,
  namespace,
  apiGroup: '',
});
const path = (user: { name?: string; groups?: string[] }, verb: string, p: string): Attributes => ({ user: { name: user.name ?? '', groups: user.groups ?? [] }, verb, path: p });

test('TestAuthorizer', () => {
  const cases: { policy: Parameters<typeof staticPolicy>[0]; pass: Attributes[]; fail: Attributes[] }[] = [
    {
      policy: { clusterRoles: [clusterRole('admin', newRule('*', '*', '*', '*'))], roleBindings: [roleBinding('ns1', 'admin', 'User:admin', 'Group:admins')] },
      pass: [
        attrs('admin', '', 'get', 'Pods', '', 'ns1'),
        attrs('admin', '', 'watch', 'Pods', '', 'ns1'),
        attrs('admin', 'group1', 'watch', 'Foobar', '', 'ns1'),
        attrs('joe', 'admins', 'watch', 'Foobar', '', 'ns1'),
        attrs('joe', 'group1,admins', 'watch', 'Foobar', '', 'ns1'),
      ],
      fail: [
        attrs('admin', '', 'GET', 'Pods', '', 'ns2'),
        attrs('admin', '', 'GET', 'Nodes', '', ''),
        attrs('admin', 'admins', 'GET', 'Pods', '', 'ns2'),
        attrs('admin', 'admins', 'GET', 'Nodes', '', ''),
      ],
    },
    {
      // Non-resource-url tests
      policy: {
        clusterRoles: [
          clusterRole('non-resource-url-getter', newRule('get', '', '', '/apis')),
          clusterRole('non-resource-url', newRule('*', '', '', '/apis')),
          clusterRole('non-resource-url-prefix', newRule('get', '', '', '/apis/*')),
        ],
        clusterRoleBindings: [
          clusterRoleBinding('non-resource-url-getter', 'User:foo', 'Group:bar'),
          clusterRoleBinding('non-resource-url', 'User:admin', 'Group:admin'),
          clusterRoleBinding('non-resource-url-prefix', 'User:prefixed', 'Group:prefixed'),
        ],
      },
      pass: [
        path({ name: 'foo' }, 'get', '/apis'),
        path({ groups: ['bar'] }, 'get', '/apis'),
        path({ name: 'admin' }, 'get', '/apis'),
        path({ groups: ['admin'] }, 'get', '/apis'),
        path({ name: 'admin' }, 'watch', '/apis'),
        path({ groups: ['admin'] }, 'watch', '/apis'),
        path({ name: 'prefixed' }, 'get', '/apis/v1'),
        path({ groups: ['prefixed'] }, 'get', '/apis/v1'),
        path({ name: 'prefixed' }, 'get', '/apis/v1/foobar'),
        path({ groups: ['prefixed'] }, 'get', '/apis/v1/foorbar'),
      ],
      fail: [
        // wrong verb
        path({ name: 'foo' }, 'watch', '/apis'),
        path({ groups: ['bar'] }, 'watch', '/apis'),
        // wrong path
        path({ name: 'foo' }, 'get', '/api/v1'),
        path({ groups: ['bar'] }, 'get', '/api/v1'),
        path({ name: 'admin' }, 'get', '/api/v1'),
        path({ groups: ['admin'] }, 'get', '/api/v1'),
        // not covered by prefix
        path({ name: 'prefixed' }, 'get', '/api/v1'),
        path({ groups: ['prefixed'] }, 'get', '/api/v1'),
      ],
    },
    {
      // test subresource resolution
      policy: { clusterRoles: [clusterRole('admin', newRule('*', '*', 'pods', '*'))], roleBindings: [roleBinding('ns1', 'admin', 'User:admin', 'Group:admins')] },
      pass: [attrs('admin', '', 'get', 'pods', '', 'ns1')],
      fail: [attrs('admin', '', 'get', 'pods', 'status', 'ns1')],
    },
    {
      // test subresource resolution
      policy: {
        clusterRoles: [clusterRole('admin', newRule('*', '*', 'pods/status', '*'), newRule('*', '*', '*/scale', '*'))],
        roleBindings: [roleBinding('ns1', 'admin', 'User:admin', 'Group:admins')],
      },
      pass: [
        attrs('admin', '', 'get', 'pods', 'status', 'ns1'),
        attrs('admin', '', 'get', 'pods', 'scale', 'ns1'),
        attrs('admin', '', 'get', 'deployments', 'scale', 'ns1'),
        attrs('admin', '', 'get', 'anything', 'scale', 'ns1'),
      ],
      fail: [attrs('admin', '', 'get', 'pods', '', 'ns1')],
    },
  ];
  cases.forEach((c, i) => {
    const policy = staticPolicy(c.policy);
    for (const a of c.pass) assert.equal(authorizeRbac(policy, a).allowed, true, `case ${i}: expected pass ${JSON.stringify(a)}`);
    for (const a of c.fail) assert.equal(authorizeRbac(policy, a).allowed, false, `case ${i}: expected fail ${JSON.stringify(a)}`);
  });
});

const req = (verb: string, group: string, resource: string, subresource = ''): Attributes => ({ user: { name: 'u', groups: [] }, verb, apiGroup: group, resource, subresource });
const url = (verb: string, p: string): Attributes => ({ user: { name: 'u', groups: [] }, verb, path: p });
const rr = (verbs: string[], groups: string[], resources: string[]): PolicyRule => ({ verbs, apiGroups: groups, resources });

test('TestRuleMatches', () => {
  const grid = (f: (verb: string, group: string, resource: string) => boolean) =>
    ['verb1', 'verb2'].flatMap((v) => ['group1', 'group2'].flatMap((g) => ['resource1', 'resource2'].map((r) => [req(v, g, r), f(v, g, r)] as const)));
  const urls = ['/foo', '/foo/bar', '/foo/baz', '/foo/bar/one', '/foo/baz/one'];
  const cases: [string, PolicyRule, (readonly [Attributes, boolean])[]][] = [
    ['star verb, exact match other', rr(['*'], ['group1'], ['resource1']), grid((_v, g, r) => g === 'group1' && r === 'resource1')],
    ['star group, exact match other', rr(['verb1'], ['*'], ['resource1']), grid((v, _g, r) => v === 'verb1' && r === 'resource1')],
    ['star resource, exact match other', rr(['verb1'], ['group1'], ['*']), grid((v, g) => v === 'verb1' && g === 'group1')],
    ['tuple expansion', rr(['verb1', 'verb2'], ['group1', 'group2'], ['resource1', 'resource2']), grid(() => true)],
    [
      'subresource expansion',
      rr(['*'], ['*'], ['resource1/subresource1']),
      ['verb1', 'verb2'].flatMap((v) => [
        [req(v, 'group1', 'resource1', 'subresource1'), true] as const,
        [req(v, 'group2', 'resource1', 'subresource2'), false] as const,
        [req(v, 'group1', 'resource2', 'subresource1'), false] as const,
        [req(v, 'group2', 'resource2', 'subresource1'), false] as const,
      ]),
    ],
    ['star nonresource, exact match other', { verbs: ['verb1'], nonResourceURLs: ['*'] }, ['verb1', 'verb2'].flatMap((v) => urls.map((u) => [url(v, u), v === 'verb1'] as const))],
    [
      'star nonresource subpath',
      { verbs: ['verb1'], nonResourceURLs: ['/foo/*'] },
      ['verb1', 'verb2'].flatMap((v) => urls.map((u) => [url(v, u), v === 'verb1' && u !== '/foo'] as const)),
    ],
    [
      'star verb, exact nonresource',
      { verbs: ['*'], nonResourceURLs: ['/foo', '/foo/bar/one'] },
      ['verb1', 'verb2'].flatMap((v) => urls.map((u) => [url(v, u), u === '/foo' || u === '/foo/bar/one'] as const)),
    ],
  ];
  for (const [name, rule, expectations] of cases) {
    for (const [a, expected] of expectations) assert.equal(ruleAllows(a, rule), expected, `${name}: ${JSON.stringify(a)}`);
  }
});

test('resourceNames narrow a rule to named objects; a list (no name) does not match them', () => {
  const rule: PolicyRule = { verbs: ['get', 'list'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['app-config'] };
  assert.equal(ruleAllows({ ...req('get', '', 'configmaps'), name: 'app-config' }, rule), true);
  assert.equal(ruleAllows({ ...req('get', '', 'configmaps'), name: 'other' }, rule), false);
  assert.equal(ruleAllows(req('list', '', 'configmaps'), rule), false);
});

test('subresources: pods/log, pods/exec, pods/eviction, deployments/scale are distinct from their resource', () => {
  const rule = rr(['get', 'create'], ['', 'apps'], ['pods/log', 'pods/exec', 'pods/eviction', 'deployments/scale']);
  assert.equal(ruleAllows(req('get', '', 'pods', 'log'), rule), true);
  assert.equal(ruleAllows(req('create', '', 'pods', 'exec'), rule), true);
  assert.equal(ruleAllows(req('create', '', 'pods', 'eviction'), rule), true);
  assert.equal(ruleAllows(req('get', 'apps', 'deployments', 'scale'), rule), true);
  assert.equal(ruleAllows(req('get', '', 'pods'), rule), false);
  assert.equal(ruleAllows(req('get', 'apps', 'deployments'), rule), false);
  // `pods/*` is not a wildcard in Kubernetes' matcher.
  assert.equal(ruleAllows(req('get', '', 'pods', 'log'), rr(['get'], [''], ['pods/*'])), false);
});

test('system:masters is allowed without any binding (the privileged-group authorizer)', () => {
  const a: Attributes = { user: { name: 'admin', groups: ['system:masters'] }, verb: 'delete', resource: 'namespaces', apiGroup: '', name: 'kube-system' };
  assert.equal(authorizeRbac(staticPolicy({}), a).allowed, true);
  assert.equal(authorizeRbac(staticPolicy({}), { ...a, user: { name: 'admin', groups: [] } }).allowed, false);
});

test('forbidden messages read as kube-apiserver writes them', () => {
  const a: Attributes = { user: { name: 'x', groups: [] }, verb: 'list', resource: 'pods', apiGroup: '', namespace: 'default' };
  assert.equal(refusedMessage(a), 'pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "default"');
  assert.equal(
    refusedMessage({ ...a, verb: 'get', resource: 'deployments', subresource: 'scale', apiGroup: 'apps', name: 'web' }),
    'deployments.apps "web" is forbidden: User "x" cannot get resource "deployments/scale" in API group "apps" in the namespace "default"',
  );
  assert.equal(forbiddenMessage({ ...a, namespace: undefined, resource: 'nodes' }), 'User "x" cannot list resource "nodes" in API group "" at the cluster scope');
  assert.equal(forbiddenMessage({ user: a.user, verb: 'get', path: '/metrics' }), 'User "x" cannot get path "/metrics"');
});
