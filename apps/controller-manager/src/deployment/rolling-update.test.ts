import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from '@wheelhouse/model';
import type { IntOrString } from '../common/vocabulary.js';
import { newDeployment, rs } from './fixtures.js';
import { cleanupUnhealthyReplicas, newRSNewReplicas, reconcileNewReplicaSet, reconcileOldReplicaSets, scaleDownOldReplicaSetsForRollingUpdate } from './rolling-update.js';

// Kubernetes' TestNewRSNewReplicas: allRSs holds one other ReplicaSet of 5; maxUnavailable 1.
for (const [name, strategy, depReplicas, newRSReplicas, maxSurge, expected] of [
  ['can not scale up - to newRSReplicas', 'RollingUpdate', 1, 5, 1, 5],
  ['scale up - to depReplicas', 'RollingUpdate', 6, 2, 10, 6],
  ['recreate - to depReplicas', 'Recreate', 3, 1, 1, 3],
] as const) {
  test(`TestNewRSNewReplicas: ${name}`, () => {
    const d = newDeployment('nginx', depReplicas, { maxSurge, maxUnavailable: 1 });
    d.spec!.strategy!.type = strategy;
    assert.equal(newRSNewReplicas(d, [rs('rs5', 5)], rs('new', newRSReplicas)), expected);
  });
}

test('newRSNewReplicas rounds a percentage surge up', () => {
  const d = newDeployment('nginx', 10, { maxSurge: '25%', maxUnavailable: '25%' });
  // 10 + ceil(2.5) = 13 pods allowed; 10 exist, so the new ReplicaSet may add 3.
  assert.equal(newRSNewReplicas(d, [rs('old', 10), rs('new', 0)], rs('new', 0)), 3);
});

// Kubernetes' TestDeploymentController_reconcileNewReplicaSet (maxUnavailable 0).
for (const [deploymentReplicas, maxSurge, oldReplicas, newReplicas, expected] of [
  [10, 0, 10, 0, undefined], // should not scale up
  [10, 2, 10, 0, 2],
  [10, 2, 5, 0, 7],
  [10, 2, 10, 2, undefined],
  [10, 2, 2, 11, 10], // should scale down
] as const) {
  test(`TestReconcileNewReplicaSet: ${deploymentReplicas} replicas, surge ${maxSurge}, old ${oldReplicas}, new ${newReplicas}`, () => {
    const newRS = rs('foo-v2', newReplicas);
    const oldRS = rs('foo-v1', oldReplicas);
    const d = newDeployment('foo', deploymentReplicas, { maxSurge, maxUnavailable: 0 });
    assert.equal(reconcileNewReplicaSet(d, [newRS, oldRS], newRS)?.replicas, expected);
  });
}

// Kubernetes' TestDeploymentController_reconcileOldReplicaSets (maxSurge 0): the old
// ReplicaSet's size after cleanup and scale-down.
const oldCases: Array<{ replicas: number; maxUnavailable: IntOrString; oldReplicas: number; newReplicas: number; readyOld: number; readyNew: number; expectedOld?: number }> = [
  { replicas: 10, maxUnavailable: 0, oldReplicas: 10, newReplicas: 0, readyOld: 10, readyNew: 0, expectedOld: 9 },
  { replicas: 10, maxUnavailable: 2, oldReplicas: 10, newReplicas: 0, readyOld: 10, readyNew: 0, expectedOld: 8 },
  // unhealthy replicas from old replica sets are cleaned up
  { replicas: 10, maxUnavailable: 2, oldReplicas: 10, newReplicas: 0, readyOld: 8, readyNew: 0, expectedOld: 8 },
  // one unhealthy replica cleaned up, one ready pod scaled down
  { replicas: 10, maxUnavailable: 2, oldReplicas: 10, newReplicas: 0, readyOld: 9, readyNew: 0, expectedOld: 8 },
  // the unavailable pods of the new ReplicaSet keep the old ones from shrinking further
  { replicas: 10, maxUnavailable: 2, oldReplicas: 8, newReplicas: 2, readyOld: 8, readyNew: 0 },
];
for (const c of oldCases) {
  test(`TestReconcileOldReplicaSets: old ${c.oldReplicas} (${c.readyOld} available), new ${c.newReplicas}, maxUnavailable ${c.maxUnavailable}`, () => {
    const newRS = rs('foo-new', c.newReplicas, undefined, c.readyNew);
    const oldRS = rs('foo-old', c.oldReplicas, undefined, c.readyOld);
    const d = newDeployment('foo', c.replicas, { maxSurge: 0, maxUnavailable: c.maxUnavailable });
    const { scales, scaledDown } = reconcileOldReplicaSets(d, [oldRS, newRS], [oldRS], newRS);
    assert.equal(scaledDown, c.expectedOld !== undefined);
    assert.equal(scales.at(-1)?.replicas, c.expectedOld);
  });
}

test('reconcileOldReplicaSets scales the same ReplicaSet twice: first its unhealthy pods, then healthy ones', () => {
  const oldRS = rs('foo-old', 10, undefined, 9);
  const newRS = rs('foo-new', 0);
  const d = newDeployment('foo', 10, { maxUnavailable: 2 });
  const { scales } = reconcileOldReplicaSets(d, [oldRS, newRS], [oldRS], newRS);
  assert.deepEqual(
    scales.map((s) => [s.replicaSet.spec?.replicas, s.replicas]),
    [
      [10, 9],
      [9, 8],
    ],
  );
});

test('reconcileOldReplicaSets gives up (scaledDown false) when an old ReplicaSet reports more available than it asks for', () => {
  const shrinking = rs('shrinking', 2, '2016-01-01T00:00:00Z', 4);
  const newRS = rs('foo-new', 8, undefined, 8);
  const d = newDeployment('foo', 10, { maxUnavailable: 2 });
  assert.deepEqual(reconcileOldReplicaSets(d, [shrinking, newRS], [shrinking], newRS), { scales: [], scaledDown: false });
});

// Kubernetes' TestDeploymentController_cleanupUnhealthyReplicas: 10 old replicas.
for (const [readyPods, maxCleanupCount, expected] of [
  [8, 1, 1],
  [8, 3, 2],
  [8, 0, 0],
  [10, 3, 0],
] as const) {
  test(`TestCleanupUnhealthyReplicas: ${readyPods} ready, at most ${maxCleanupCount}`, () => {
    const result = cleanupUnhealthyReplicas([rs('foo-v2', 10, undefined, readyPods)], maxCleanupCount);
    assert.equal(result.scaledDown, expected);
    assert.equal(result.oldRSs[0]!.spec?.replicas, 10 - expected);
  });
}

test('cleanupUnhealthyReplicas goes oldest first', () => {
  const older = rs('older', 3, '2016-01-01T00:00:00Z', 1);
  const newer = rs('newer', 3, '2016-01-02T00:00:00Z', 1);
  const { scales } = cleanupUnhealthyReplicas([newer, older], 3);
  assert.deepEqual(
    scales.map((s) => [s.replicaSet.metadata.name, s.replicas]),
    [
      ['older', 1],
      ['newer', 2],
    ],
  );
});

// Kubernetes' TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate (maxSurge 0).
for (const [maxUnavailable, readyPods, oldReplicas, expected] of [
  [0, 10, 10, 9],
  [2, 10, 10, 8],
  [2, 8, 10, undefined],
  [2, 10, 0, undefined],
  [2, 1, 10, undefined],
] as const) {
  test(`TestScaleDownOldReplicaSetsForRollingUpdate: maxUnavailable ${maxUnavailable}, ${readyPods} available of ${oldReplicas}`, () => {
    const oldRS: ReplicaSet = rs('foo-v2', oldReplicas, undefined, readyPods);
    const d = newDeployment('foo', 10, { maxSurge: 0, maxUnavailable });
    assert.equal(scaleDownOldReplicaSetsForRollingUpdate(d, [oldRS], [oldRS])[0]?.replicas, expected);
  });
}

test('a rolling update walks 3 replicas over with maxSurge 1 / maxUnavailable 0', () => {
  // Simulate the controller and an obliging ReplicaSet controller: every pod asked for becomes available.
  const d = newDeployment('web', 3, { maxSurge: 1, maxUnavailable: 0 });
  let oldRS = rs('web-old', 3, '2016-01-01T00:00:00Z', 3);
  let newRS = rs('web-new', 0, '2016-01-02T00:00:00Z', 0);
  const steps: string[] = [];
  for (let i = 0; i < 10 && (oldRS.spec!.replicas! > 0 || newRS.spec!.replicas! < 3); i++) {
    const up = reconcileNewReplicaSet(d, [oldRS, newRS], newRS);
    if (up) newRS = rs('web-new', up.replicas, '2016-01-02T00:00:00Z', up.replicas);
    else {
      const { scales } = reconcileOldReplicaSets(d, [oldRS, newRS], oldRS.spec!.replicas! > 0 ? [oldRS] : [], newRS);
      const last = scales.at(-1);
      if (last) oldRS = rs('web-old', last.replicas, '2016-01-01T00:00:00Z', last.replicas);
    }
    steps.push(`${oldRS.spec!.replicas}/${newRS.spec!.replicas}`);
  }
  assert.deepEqual(steps, ['3/1', '2/1', '2/2', '1/2', '1/3', '0/3']);
});
