import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from '@wheelhouse/model';
import { findNewAndOldReplicaSets, findNewReplicaSet } from './find-replica-sets.js';
import { newDeployment, rs } from './fixtures.js';

const d = newDeployment('nginx', 3);
const withTemplate = (replicaSet: ReplicaSet, image: string, hash: string): ReplicaSet => ({
  ...replicaSet,
  spec: { ...replicaSet.spec, template: { metadata: { labels: { foo: 'bar', 'pod-template-hash': hash } }, spec: { containers: [{ name: 'app', image }] } } },
});
const newRS = withTemplate(rs('nginx-new', 3, '2016-01-02T00:00:00Z'), 'foo/bar', 'aaa');
const newRSDup = withTemplate(rs('nginx-dup', 3, '2016-01-03T00:00:00Z'), 'foo/bar', 'different-hash');
const oldRS = withTemplate(rs('nginx-old', 3, '2016-01-01T00:00:00Z'), 'foo/old', 'bbb');
const emptyOldRS = withTemplate(rs('nginx-older', 0, '2015-01-01T00:00:00Z'), 'foo/older', 'ccc');

// Kubernetes' TestFindNewReplicaSet / TestFindOldReplicaSets.
test('the new ReplicaSet has the same template, ignoring pod-template-hash', () => {
  assert.equal(findNewReplicaSet(d, [oldRS, newRS])?.metadata.name, 'nginx-new');
  assert.equal(findNewReplicaSet(d, [oldRS]), undefined);
});

test('of two new ReplicaSets the oldest is the new one; the other is old', () => {
  const found = findNewAndOldReplicaSets(d, [newRSDup, oldRS, newRS]);
  assert.equal(found.newRS?.metadata.name, 'nginx-new');
  assert.deepEqual(
    found.allOldRSs.map((r) => r.metadata.name),
    ['nginx-dup', 'nginx-old'],
  );
});

test('requiredOldRSs leaves out old ReplicaSets with no replicas', () => {
  const found = findNewAndOldReplicaSets(d, [newRS, oldRS, emptyOldRS]);
  assert.deepEqual(
    found.allOldRSs.map((r) => r.metadata.name),
    ['nginx-old', 'nginx-older'],
  );
  assert.deepEqual(
    found.requiredOldRSs.map((r) => r.metadata.name),
    ['nginx-old'],
  );
  assert.deepEqual(findNewAndOldReplicaSets(d, [newRS]).allOldRSs, []);
});
