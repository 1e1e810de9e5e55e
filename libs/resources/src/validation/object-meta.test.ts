import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateObjectMeta, validateObjectMetaUpdate, type ObjectMetaRules } from './object-meta.js';
import { fullText, summarise } from './fixtures.js';

const namespaced: ObjectMetaRules = { namespaced: true, nameRule: 'subdomain' };
const clusterLabel: ObjectMetaRules = { namespaced: false, nameRule: 'label' };

test('the brief example reads exactly like Kubernetes', () => {
  assert.deepEqual(fullText(validateObjectMeta({ name: 'Foo', namespace: 'default' }, namespaced)), [
    `metadata.name: Invalid value: "Foo": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
  ]);
});

test('validateObjectMeta: names and namespaces', () => {
  const cases: [string, unknown, ObjectMetaRules, string[]][] = [
    ['valid namespaced', { name: 'web.example', namespace: 'default' }, namespaced, []],
    ['valid cluster-scoped label name', { name: 'team-a' }, clusterLabel, []],
    ['name required', { namespace: 'default' }, namespaced, ['metadata.name Required']],
    ['generateName stands in for name', { generateName: 'web-', namespace: 'default' }, namespaced, []],
    ['bad generateName', { generateName: 'Web-', namespace: 'default' }, namespaced, ['metadata.generateName Invalid']],
    ['name with dots is not a label', { name: 'a.b' }, clusterLabel, ['metadata.name Invalid']],
    ['label name too long', { name: 'a'.repeat(64) }, clusterLabel, ['metadata.name Invalid']],
    ['subdomain name at 253', { name: 'a'.repeat(253), namespace: 'default' }, namespaced, []],
    ['subdomain name at 254', { name: 'a'.repeat(254), namespace: 'default' }, namespaced, ['metadata.name Invalid']],
    ['namespace required', { name: 'a' }, namespaced, ['metadata.namespace Required']],
    ['namespace must be a label', { name: 'a', namespace: 'a.b' }, namespaced, ['metadata.namespace Invalid']],
    ['namespace forbidden on cluster kinds', { name: 'a', namespace: 'default' }, clusterLabel, ['metadata.namespace Forbidden']],
    ['negative generation', { name: 'a', generation: -1 }, clusterLabel, ['metadata.generation Invalid']],
    ['bad timestamp', { name: 'a', creationTimestamp: 'yesterday' }, clusterLabel, ['metadata.creationTimestamp Invalid']],
    ['metadata not an object', 'x', clusterLabel, ['metadata Invalid', 'metadata.name Required']],
    ['name not a string', { name: 7 }, clusterLabel, ['metadata.name Invalid', 'metadata.name Required']],
  ];
  for (const [name, meta, rules, expected] of cases) assert.deepEqual(summarise(validateObjectMeta(meta, rules)), expected, name);
});

test('validateObjectMeta: labels', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['plain', { app: 'web' }, []],
    ['prefixed key', { 'app.kubernetes.io/name': 'web' }, []],
    ['empty value', { tier: '' }, []],
    ['63-char key and value', { ['k'.repeat(63)]: 'v'.repeat(63) }, []],
    ['253-char prefix', { [`${'p'.repeat(253)}/k`]: 'v' }, []],
    ['64-char key', { ['k'.repeat(64)]: 'v' }, ['metadata.labels Invalid']],
    ['64-char value', { app: 'v'.repeat(64) }, ['metadata.labels[app] Invalid']],
    ['254-char prefix', { [`${'p'.repeat(254)}/k`]: 'v' }, ['metadata.labels Invalid']],
    ['upper-case prefix', { 'Example.com/k': 'v' }, ['metadata.labels Invalid']],
    ['two slashes', { 'a/b/c': 'v' }, ['metadata.labels Invalid']],
    ['empty prefix', { '/k': 'v' }, ['metadata.labels Invalid']],
    ['value with space', { app: 'my app' }, ['metadata.labels[app] Invalid']],
    ['value not a string', { app: 1 }, ['metadata.labels[app] Invalid']],
  ];
  for (const [name, labels, expected] of cases) {
    assert.deepEqual(summarise(validateObjectMeta({ name: 'a', labels }, clusterLabel)), expected, name);
  }
  const [valueError] = validateObjectMeta({ name: 'a', labels: { 'app.kubernetes.io/name': '-x' } }, clusterLabel);
  assert.equal(valueError?.field, 'metadata.labels[app.kubernetes.io/name]');
});

test('validateObjectMeta: annotations', () => {
  const check = (annotations: Record<string, string>) => summarise(validateObjectMeta({ name: 'a', annotations }, clusterLabel));
  assert.deepEqual(check({ 'Example.com/Note': 'anything at all: {"json": true}' }), [], 'case does not matter in keys');
  assert.deepEqual(check({ 'bad key': 'x' }), ['metadata.annotations Invalid']);
  const limit = 256 * 1024;
  assert.deepEqual(check({ k: 'x'.repeat(limit - 1) }), [], 'exactly at the limit');
  assert.deepEqual(check({ k: 'x'.repeat(limit) }), ['metadata.annotations TooLong']);
  assert.deepEqual(check({ k: 'é'.repeat(limit / 2) }), ['metadata.annotations TooLong'], 'counted in UTF-8 bytes');
});

test('validateObjectMeta: owner references', () => {
  const ref = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'u1' };
  const check = (ownerReferences: unknown) => summarise(validateObjectMeta({ name: 'a', ownerReferences }, clusterLabel));
  assert.deepEqual(check([ref, { ...ref, apiVersion: 'v1', kind: 'Node', controller: true }]), []);
  assert.deepEqual(check([{}]), [
    'metadata.ownerReferences[0].apiVersion Invalid',
    'metadata.ownerReferences[0].kind Invalid',
    'metadata.ownerReferences[0].name Invalid',
    'metadata.ownerReferences[0].uid Invalid',
  ]);
  assert.deepEqual(check([{ ...ref, apiVersion: 'apps/' }]), ['metadata.ownerReferences[0].apiVersion Invalid']);
  const twoControllers = validateObjectMeta(
    {
      name: 'a',
      ownerReferences: [
        { ...ref, controller: true },
        { ...ref, name: 'other', controller: true },
      ],
    },
    clusterLabel,
  );
  assert.deepEqual(summarise(twoControllers), ['metadata.ownerReferences Invalid']);
  assert.match(twoControllers[0]!.message, /Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/web and ReplicaSet\/other$/);
});

test('validateObjectMeta: finalizers', () => {
  const check = (finalizers: unknown) => summarise(validateObjectMeta({ name: 'a', finalizers }, clusterLabel));
  assert.deepEqual(check(['kubernetes', 'example.com/cleanup', 'orphan']), []);
  assert.deepEqual(check(['example.com/cleanup', 'example.com/cleanup']), ['metadata.finalizers[1] Duplicate']);
  assert.deepEqual(check(['Bad Name']), ['metadata.finalizers[0] Invalid']);
  assert.deepEqual(check(['cleanup']), ['metadata.finalizers[0] Invalid'], 'non-standard finalizers need a domain');
  assert.deepEqual(check(['orphan', 'foregroundDeletion']), ['metadata.finalizers Invalid']);
});

test('validateObjectMetaUpdate: identity is immutable', () => {
  const prev = { name: 'a', namespace: 'ns', uid: 'u1', creationTimestamp: '2024-01-01T00:00:00Z', generation: 2 };
  assert.deepEqual(validateObjectMetaUpdate({ ...prev, labels: { x: 'y' } }, prev), []);
  const cases: [Record<string, unknown>, string[]][] = [
    [{ name: 'b' }, ['metadata.name Invalid']],
    [{ namespace: 'other' }, ['metadata.namespace Invalid']],
    [{ uid: 'u2' }, ['metadata.uid Invalid']],
    [{ creationTimestamp: '2025-01-01T00:00:00Z' }, ['metadata.creationTimestamp Invalid']],
    [{ uid: undefined }, ['metadata.uid Invalid']],
    [{ generation: 1 }, ['metadata.generation Invalid']],
  ];
  for (const [change, expected] of cases) assert.deepEqual(summarise(validateObjectMetaUpdate({ ...prev, ...change }, prev)), expected, JSON.stringify(change));
  assert.equal(validateObjectMetaUpdate({ ...prev, uid: 'u2' }, prev)[0]?.message, 'Invalid value: "u2": field is immutable');
});

test('validateObjectMetaUpdate: no new finalizers once deletion has begun', () => {
  const deleting = { name: 'a', deletionTimestamp: '2024-01-01T00:00:00Z', finalizers: ['example.com/a', 'example.com/b'] };
  assert.deepEqual(validateObjectMetaUpdate({ ...deleting, finalizers: ['example.com/b'] }, deleting), [], 'removal is fine');
  const added = validateObjectMetaUpdate({ ...deleting, finalizers: ['example.com/a', 'example.com/c'] }, deleting);
  assert.deepEqual(fullText(added), [
    'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/c"}',
  ]);
  const live = { name: 'a', finalizers: [] };
  assert.deepEqual(validateObjectMetaUpdate({ ...live, finalizers: ['example.com/c'] }, live), [], 'adding is fine before deletion');
});
