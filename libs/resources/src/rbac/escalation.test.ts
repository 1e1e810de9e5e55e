// Ported from Kubernetes component-helpers/auth/rbac/validation/policy_comparator_test.go (the
// escalation cases of pkg/registry/rbac/validation) and ConfirmNoEscalation's message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { covers, escalationProblem } from './escalation.js';
import { aggregatedRules, type AggregatableRole } from './aggregation.js';
import type { PolicyRule } from './types.js';

const r = (verbs: string[], apiGroups: string[], resources: string[], resourceNames?: string[]): PolicyRule => ({
  verbs,
  apiGroups,
  resources,
  ...(resourceNames ? { resourceNames } : {}),
});
const u = (verbs: string[], nonResourceURLs: string[]): PolicyRule => ({ verbs, nonResourceURLs });

test('escalation cases (policy_comparator_test.go)', () => {
  const cases: [string, PolicyRule[], PolicyRule[], boolean, PolicyRule[]][] = [
    ['TestCoversExactMatch', [r(['get'], ['v1'], ['builds'])], [r(['get'], ['v1'], ['builds'])], true, []],
    ['TestCoversSubresourceWildcard', [r(['get'], ['v1'], ['*/scale'])], [r(['get'], ['v1'], ['foo/scale'])], true, []],
    [
      'TestCoversMultipleRulesCoveringSingleRule',
      [r(['delete'], ['v1'], ['deployments']), r(['delete'], ['v1'], ['builds']), r(['update'], ['v1'], ['builds', 'deployments'])],
      [r(['delete', 'update'], ['v1'], ['builds', 'deployments'])],
      true,
      [],
    ],
    [
      'TestCoversMultipleAPIGroupsCoveringSingleRule',
      [
        r(['delete'], ['group1'], ['deployments']),
        r(['delete'], ['group1'], ['builds']),
        r(['update'], ['group1'], ['builds', 'deployments']),
        r(['delete'], ['group2'], ['deployments']),
        r(['delete'], ['group2'], ['builds']),
        r(['update'], ['group2'], ['builds', 'deployments']),
      ],
      [r(['delete', 'update'], ['group1', 'group2'], ['builds', 'deployments'])],
      true,
      [],
    ],
    [
      'TestCoversSingleAPIGroupsCoveringMultiple',
      [r(['delete', 'update'], ['group1', 'group2'], ['builds', 'deployments'])],
      [
        r(['delete'], ['group1'], ['deployments']),
        r(['delete'], ['group1'], ['builds']),
        r(['update'], ['group1'], ['builds', 'deployments']),
        r(['delete'], ['group2'], ['deployments']),
        r(['delete'], ['group2'], ['builds']),
        r(['update'], ['group2'], ['builds', 'deployments']),
      ],
      true,
      [],
    ],
    [
      'TestCoversMultipleRulesMissingSingleVerbResourceCombination',
      [r(['delete', 'update'], ['v1'], ['builds', 'deployments']), r(['delete'], ['v1'], ['pods'])],
      [r(['delete', 'update'], ['v1'], ['builds', 'deployments', 'pods'])],
      false,
      [r(['update'], ['v1'], ['pods'])],
    ],
    ['TestCoversAPIGroupStarCoveringMultiple', [r(['get'], ['*'], ['roles'])], [r(['get'], ['group1', 'group2'], ['roles'])], true, []],
    ['TestCoversEnumerationNotCoveringAPIGroupStar', [r(['get'], ['dummy-group'], ['roles'])], [r(['get'], ['*'], ['roles'])], false, [r(['get'], ['*'], ['roles'])]],
    ['TestCoversAPIGroupStarCoveringStar', [r(['get'], ['*'], ['roles'])], [r(['get'], ['*'], ['roles'])], true, []],
    ['TestCoversVerbStarCoveringMultiple', [r(['*'], ['v1'], ['roles'])], [r(['watch', 'list'], ['v1'], ['roles'])], true, []],
    [
      'TestCoversEnumerationNotCoveringVerbStar',
      [r(['get', 'list', 'watch', 'create', 'update', 'delete', 'exec'], ['v1'], ['roles'])],
      [r(['*'], ['v1'], ['roles'])],
      false,
      [r(['*'], ['v1'], ['roles'])],
    ],
    ['TestCoversVerbStarCoveringStar', [r(['*'], ['v1'], ['roles'])], [r(['*'], ['v1'], ['roles'])], true, []],
    ['TestCoversResourceStarCoveringMultiple', [r(['get'], ['v1'], ['*'])], [r(['get'], ['v1'], ['resourcegroup:deployments'])], true, []],
    ['TestCoversEnumerationNotCoveringResourceStar', [r(['get'], ['v1'], ['roles', 'resourcegroup:deployments'])], [r(['get'], ['v1'], ['*'])], false, [r(['get'], ['v1'], ['*'])]],
    ['TestCoversResourceStarCoveringStar', [r(['get'], ['v1'], ['*'])], [r(['get'], ['v1'], ['*'])], true, []],
    ['TestCoversResourceNameEmptyCoveringMultiple', [r(['get'], ['v1'], ['pods'], [])], [r(['get'], ['v1'], ['pods'], ['foo', 'bar'])], true, []],
    [
      'TestCoversEnumerationNotCoveringResourceNameEmpty',
      [r(['get'], ['v1'], ['pods'], ['foo', 'bar'])],
      [r(['get'], ['v1'], ['pods'], [])],
      false,
      [r(['get'], ['v1'], ['pods'])],
    ],
    ['TestCoversNonResourceURLs', [u(['get'], ['/apis'])], [u(['get'], ['/apis'])], true, []],
    ['TestCoversNonResourceURLsStar', [u(['get'], ['*'])], [u(['get'], ['/apis', '/apis/v1', '/'])], true, []],
    ['TestCoversNonResourceURLsStarAfterPrefixDoesntCover', [u(['get'], ['/apis/*'])], [u(['get'], ['/apis', '/apis/v1'])], false, [u(['get'], ['/apis'])]],
    ['TestCoversNonResourceURLsStarAfterPrefix', [u(['get'], ['/apis/*'])], [u(['get'], ['/apis/v1', '/apis/v2'])], true, []],
    [
      'TestCoversNonResourceURLsWithOtherFields',
      [{ ...r(['get'], ['v1'], ['builds']), nonResourceURLs: ['/apis'] }],
      [{ ...r(['get'], ['v1'], ['builds']), nonResourceURLs: ['/apis'] }],
      true,
      [],
    ],
    [
      'TestCoversNonResourceURLsWithOtherFieldsFailure',
      [r(['get'], ['v1'], ['builds'])],
      [{ ...r(['get'], ['v1'], ['builds']), nonResourceURLs: ['/apis'] }],
      false,
      [u(['get'], ['/apis'])],
    ],
  ];
  for (const [name, owner, servant, expectedCovered, expectedMissing] of cases) {
    const { covered, missing } = covers(owner, servant);
    assert.equal(covered, expectedCovered, name);
    assert.deepEqual(missing, expectedMissing, name);
  }
});

test('ConfirmNoEscalation names the user, its groups and the missing rules, compacted', () => {
  const user = { name: 'dev', groups: ['system:authenticated'] };
  const owner = [r(['get', 'list'], [''], ['pods'])];
  assert.equal(escalationProblem(user, owner, [r(['get'], [''], ['pods'])]), null);
  assert.equal(
    escalationProblem(user, owner, [r(['get', 'delete', 'create'], [''], ['pods', 'secrets'])]),
    'user "dev" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
      '{APIGroups:[""], Resources:["pods"], Verbs:["delete" "create"]}\n' +
      '{APIGroups:[""], Resources:["secrets"], Verbs:["get" "delete" "create"]}',
  );
});

test('aggregation: the union of matching roles, in name order, without duplicates; unchanged gives null', () => {
  const label = 'rbac.example.com/aggregate-to-monitoring';
  const aggregated = { metadata: { name: 'monitoring' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [label]: 'true' } }] }, rules: [] };
  const pods = r(['get'], [''], ['pods']);
  const svc = r(['get'], [''], ['services']);
  const all: AggregatableRole[] = [
    aggregated,
    { metadata: { name: 'b-endpoints', labels: { [label]: 'true' } }, rules: [svc, pods] },
    { metadata: { name: 'a-pods', labels: { [label]: 'true' } }, rules: [pods] },
    { metadata: { name: 'other', labels: {} as Record<string, string> }, rules: [r(['*'], ['*'], ['*'])] },
  ];
  assert.deepEqual(aggregatedRules(aggregated, all), [pods, svc]);
  assert.equal(aggregatedRules({ ...aggregated, rules: [pods, svc] }, all), null);
  assert.equal(aggregatedRules({ metadata: { name: 'plain' }, rules: [] }, all), null);
  // A role whose sources lost their label loses their rules.
  assert.deepEqual(aggregatedRules({ ...aggregated, rules: [pods, svc] }, [aggregated]), []);
});
