import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, ReplicaSet } from '@wheelhouse/model';
import { newDeployment, rs, rsWithStatus } from './fixtures.js';
import { oldPodsRunning, scaleDownOldReplicaSetsForRecreate, scaleUpNewReplicaSetForRecreate } from './recreate.js';

const podOf = (owner: ReplicaSet, phase: string): Pod => ({
  metadata: {
    name: `${owner.metadata.name}-pod`,
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true }],
  },
  status: { phase },
});

test('every active old ReplicaSet goes to zero at once', () => {
  const targets = scaleDownOldReplicaSetsForRecreate([rs('a', 3), rs('b', 1)]);
  assert.deepEqual(
    targets.map((t) => [t.replicaSet.metadata.name, t.replicas]),
    [
      ['a', 0],
      ['b', 0],
    ],
  );
  assert.deepEqual(scaleDownOldReplicaSetsForRecreate([]), []);
});

// Kubernetes' TestOldPodsRunning.
const newRS = rsWithStatus('new', 1, 0);
const oldRS = rsWithStatus('old', 0, 0);
for (const [name, oldRSs, pods, expected] of [
  ['no old ReplicaSets', [], [], false],
  ['an old ReplicaSet still reports pods', [rsWithStatus('old', 0, 1)], [], true],
  ['only pods of the new ReplicaSet', [oldRS], [podOf(newRS, 'Running')], false],
  ['a running old pod', [oldRS], [podOf(oldRS, 'Running')], true],
  ['a pending old pod', [oldRS], [podOf(oldRS, 'Pending')], true],
  ['an old pod in Unknown might still run', [oldRS], [podOf(oldRS, 'Unknown')], true],
  ['finished old pods do not count', [oldRS], [podOf(oldRS, 'Succeeded'), podOf(oldRS, 'Failed')], false],
] as const) {
  test(`TestOldPodsRunning: ${name}`, () => {
    const oldList = oldRSs as readonly ReplicaSet[];
    assert.equal(oldPodsRunning(newRS, oldList, [newRS, ...oldList], pods as readonly Pod[]), expected);
  });
}

test('the new ReplicaSet is scaled straight to spec.replicas', () => {
  const d = newDeployment('foo', 4);
  assert.equal(scaleUpNewReplicaSetForRecreate(d, rs('new', 0))?.replicas, 4);
  assert.equal(scaleUpNewReplicaSetForRecreate(d, rs('new', 4)), undefined);
});
