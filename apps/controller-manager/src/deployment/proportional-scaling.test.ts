import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment, ReplicaSet } from '@wheelhouse/model';
import { maxSurgeOf } from './fenceposts.js';
import { T0, T1, T2, newDeployment, rs, withReplicaAnnotations } from './fixtures.js';
import { findActiveOrLatest, getProportion, isSaturated, proportionalScale, replicaSetFraction } from './proportional-scaling.js';
import { MAX_REPLICAS_ANNOTATION } from './annotations.js';

const newTimestamp = T2;
const oldTimestamp = T1;
const olderTimestamp = T0;

const updatedTemplate = (replicas: number): Deployment => {
  const d = newDeployment('foo', replicas);
  d.spec!.template!.metadata!.labels!.another = 'label';
  return d;
};

// Kubernetes' TestScale (sync_test.go): sizes after `scale`, ReplicaSets annotated as the
// previous Deployment (oldDeployment) last scaled them.
const scaleCases: Array<{
  name: string;
  deployment: Deployment;
  oldDeployment: Deployment;
  newRS: ReplicaSet | undefined;
  oldRSs: ReplicaSet[];
  expectedNew?: number;
  expectedOld: number[];
  desiredReplicasAnnotations?: Record<string, number>;
}> = [
  {
    name: 'normal scaling event: 10 -> 12',
    deployment: newDeployment('foo', 12),
    oldDeployment: newDeployment('foo', 10),
    newRS: rs('foo-v1', 10, newTimestamp),
    oldRSs: [],
    expectedNew: 12,
    expectedOld: [],
  },
  {
    name: 'normal scaling event: 10 -> 5',
    deployment: newDeployment('foo', 5),
    oldDeployment: newDeployment('foo', 10),
    newRS: rs('foo-v1', 10, newTimestamp),
    oldRSs: [],
    expectedNew: 5,
    expectedOld: [],
  },
  {
    name: 'proportional scaling: 5 -> 10',
    deployment: newDeployment('foo', 10),
    oldDeployment: newDeployment('foo', 5),
    newRS: rs('foo-v2', 2, newTimestamp),
    oldRSs: [rs('foo-v1', 3, oldTimestamp)],
    expectedNew: 4,
    expectedOld: [6],
  },
  {
    name: 'proportional scaling: 5 -> 3',
    deployment: newDeployment('foo', 3),
    oldDeployment: newDeployment('foo', 5),
    newRS: rs('foo-v2', 2, newTimestamp),
    oldRSs: [rs('foo-v1', 3, oldTimestamp)],
    expectedNew: 1,
    expectedOld: [2],
  },
  {
    name: 'proportional scaling: 9 -> 4',
    deployment: newDeployment('foo', 4),
    oldDeployment: newDeployment('foo', 9),
    newRS: rs('foo-v2', 8, newTimestamp),
    oldRSs: [rs('foo-v1', 1, oldTimestamp)],
    expectedNew: 4,
    expectedOld: [0],
  },
  {
    name: 'proportional scaling: 7 -> 10',
    deployment: newDeployment('foo', 10),
    oldDeployment: newDeployment('foo', 7),
    newRS: rs('foo-v3', 2, newTimestamp),
    oldRSs: [rs('foo-v2', 3, oldTimestamp), rs('foo-v1', 2, olderTimestamp)],
    expectedNew: 3,
    expectedOld: [4, 3],
  },
  {
    name: 'proportional scaling: 13 -> 8',
    deployment: newDeployment('foo', 8),
    oldDeployment: newDeployment('foo', 13),
    newRS: rs('foo-v3', 2, newTimestamp),
    oldRSs: [rs('foo-v2', 8, oldTimestamp), rs('foo-v1', 3, olderTimestamp)],
    expectedNew: 1,
    expectedOld: [5, 2],
  },
  {
    name: 'leftover distribution: 3 -> 4',
    deployment: newDeployment('foo', 4),
    oldDeployment: newDeployment('foo', 3),
    newRS: rs('foo-v3', 1, newTimestamp),
    oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
    expectedNew: 2,
    expectedOld: [1, 1],
  },
  {
    name: 'leftover distribution: 3 -> 2',
    deployment: newDeployment('foo', 2),
    oldDeployment: newDeployment('foo', 3),
    newRS: rs('foo-v3', 1, newTimestamp),
    oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
    expectedNew: 1,
    expectedOld: [1, 0],
  },
  {
    name: 'proportional scaling (no new rs): 4 -> 5',
    deployment: newDeployment('foo', 5),
    oldDeployment: newDeployment('foo', 4),
    newRS: undefined,
    oldRSs: [rs('foo-v2', 2, oldTimestamp), rs('foo-v1', 2, olderTimestamp)],
    expectedOld: [3, 2],
  },
  {
    name: 'proportional scaling: 6 -> 0',
    deployment: newDeployment('foo', 0),
    oldDeployment: newDeployment('foo', 6),
    newRS: rs('foo-v3', 3, newTimestamp),
    oldRSs: [rs('foo-v2', 2, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
    expectedNew: 0,
    expectedOld: [0, 0],
  },
  {
    name: 'proportional scaling: 0 -> 6',
    deployment: newDeployment('foo', 6),
    oldDeployment: newDeployment('foo', 6),
    newRS: rs('foo-v3', 0, newTimestamp),
    oldRSs: [rs('foo-v2', 0, oldTimestamp), rs('foo-v1', 0, olderTimestamp)],
    expectedNew: 6,
    expectedOld: [0, 0],
  },
  {
    name: 'failed rs update',
    deployment: newDeployment('foo', 5),
    oldDeployment: newDeployment('foo', 5),
    newRS: rs('foo-v3', 2, newTimestamp),
    oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
    expectedNew: 2,
    expectedOld: [2, 1],
    desiredReplicasAnnotations: { 'foo-v2': 3 },
  },
  {
    name: 'deployment with surge pods',
    deployment: newDeployment('foo', 20, { maxSurge: 2 }),
    oldDeployment: newDeployment('foo', 10, { maxSurge: 2 }),
    newRS: rs('foo-v2', 6, newTimestamp),
    oldRSs: [rs('foo-v1', 6, oldTimestamp)],
    expectedNew: 11,
    expectedOld: [11],
  },
  {
    name: 'change both surge and size',
    deployment: newDeployment('foo', 50, { maxSurge: 6 }),
    oldDeployment: newDeployment('foo', 10, { maxSurge: 3 }),
    newRS: rs('foo-v2', 5, newTimestamp),
    oldRSs: [rs('foo-v1', 8, oldTimestamp)],
    expectedNew: 22,
    expectedOld: [34],
  },
  {
    name: 'change both size and template',
    deployment: updatedTemplate(14),
    oldDeployment: newDeployment('foo', 10),
    newRS: undefined,
    oldRSs: [rs('foo-v2', 7, newTimestamp), rs('foo-v1', 3, oldTimestamp)],
    expectedOld: [10, 4],
  },
  {
    name: 'saturated but broken new replica set does not affect old pods',
    deployment: newDeployment('foo', 2, { maxSurge: 1, maxUnavailable: 1 }),
    oldDeployment: newDeployment('foo', 2, { maxSurge: 1, maxUnavailable: 1 }),
    newRS: rs('foo-v2', 2, newTimestamp, 0),
    oldRSs: [rs('foo-v1', 1, oldTimestamp)],
    expectedNew: 2,
    expectedOld: [1],
  },
];

for (const c of scaleCases) {
  test(`TestScale: ${c.name}`, () => {
    const annotate = (replicaSet: ReplicaSet) => {
      const desired = c.desiredReplicasAnnotations?.[replicaSet.metadata.name!] ?? c.oldDeployment.spec!.replicas!;
      return withReplicaAnnotations(replicaSet, desired, desired + maxSurgeOf(c.oldDeployment));
    };
    const newRS = c.newRS && annotate(c.newRS);
    const oldRSs = c.oldRSs.map(annotate);
    const sizes = new Map([...oldRSs, ...(newRS ? [newRS] : [])].map((r) => [r.metadata.name!, r.spec!.replicas!]));
    for (const target of proportionalScale(c.deployment, newRS, oldRSs)) sizes.set(target.replicaSet.metadata.name!, target.replicas);
    if (newRS) assert.equal(sizes.get(newRS.metadata.name!), c.expectedNew);
    assert.deepEqual(
      oldRSs.map((r) => sizes.get(r.metadata.name!)),
      c.expectedOld,
    );
  });
}

test('proportional scaling lists every active ReplicaSet, so their annotations get refreshed', () => {
  const d = newDeployment('foo', 10);
  const newRS = withReplicaAnnotations(rs('foo-v2', 2, T2), 5, 5);
  const oldRS = withReplicaAnnotations(rs('foo-v1', 3, T1), 5, 5);
  const targets = proportionalScale(d, newRS, [oldRS, rs('foo-v0', 0, T0)]);
  assert.deepEqual(
    targets.map((t) => [t.replicaSet.metadata.name, t.replicas]),
    [
      ['foo-v1', 6],
      ['foo-v2', 4],
    ],
  );
});

test('Recreate Deployments with several active ReplicaSets are not scaled proportionally', () => {
  const d = newDeployment('foo', 10);
  d.spec!.strategy = { type: 'Recreate' };
  assert.deepEqual(proportionalScale(d, rs('foo-v2', 2, T2), [rs('foo-v1', 3, T1)]), []);
});

// Kubernetes' TestGetReplicaSetFraction (deployment_util_test.go).
const fractionCases: Array<{ name: string; replicas: number; statusReplicas?: number; maxSurge?: number; rsReplicas: number; maxReplicas?: string; expected: number }> = [
  { name: 'empty deployment always scales to 0', replicas: 0, rsReplicas: 10, expected: -10 },
  { name: 'unsynced deployment does not scale when max-replicas annotation is missing', replicas: 10, rsReplicas: 5, expected: 0 },
  { name: 'unsynced deployment does not scale when max-replicas annotation is 0', replicas: 10, rsReplicas: 5, maxReplicas: '0', expected: 0 },
  { name: 'scale up by 1/5 with the annotation missing uses status.replicas', replicas: 120, statusReplicas: 100, rsReplicas: 50, expected: 10 },
  { name: 'scale up by 1/5 with the annotation at 0 uses status.replicas', replicas: 120, statusReplicas: 100, rsReplicas: 50, maxReplicas: '0', expected: 10 },
  { name: 'scale up by 1/5 should increase RS replicas by 1/5', replicas: 120, rsReplicas: 50, maxReplicas: '100', expected: 10 },
  { name: 'scale up with maxSurge by 1/5 increases approximately by 1/5', replicas: 120, maxSurge: 10, rsReplicas: 50, maxReplicas: '110', expected: 9 },
  { name: 'scale down by 1/6 should decrease RS replicas by 1/6', replicas: 10, rsReplicas: 6, maxReplicas: '12', expected: -1 },
  { name: 'scale down with maxSurge by 1/6 decreases approximately by 1/6', replicas: 100, maxSurge: 10, rsReplicas: 50, maxReplicas: '130', expected: -8 },
];

for (const c of fractionCases) {
  test(`TestGetReplicaSetFraction: ${c.name}`, () => {
    const d = newDeployment('nginx', c.replicas, { maxSurge: c.maxSurge ?? 0, maxUnavailable: 1 });
    d.status = { replicas: c.statusReplicas ?? 0 };
    const replicaSet = rs('nginx-rs', c.rsReplicas);
    if (c.maxReplicas !== undefined) replicaSet.metadata.annotations = { [MAX_REPLICAS_ANNOTATION]: c.maxReplicas };
    assert.equal(replicaSetFraction(replicaSet, d), c.expected);
  });
}

test('getProportion never overshoots what is left to add or remove, and never grows an empty ReplicaSet', () => {
  const d = newDeployment('foo', 20);
  const half = withReplicaAnnotations(rs('a', 5), 10, 10); // fraction +5
  const cases: Array<[ReplicaSet | undefined, number, number, number]> = [
    [half, 10, 0, 5],
    [half, 10, 7, 3],
    [half, 3, 0, 3],
    [half, 3, 3, 0],
    [half, 0, 0, 0],
    [undefined, 10, 0, 0],
    [withReplicaAnnotations(rs('empty', 0), 10, 10), 10, 0, 0],
  ];
  for (const [replicaSet, toAdd, added, expected] of cases) assert.equal(getProportion(replicaSet, d, toAdd, added), expected);
  const shrink = newDeployment('foo', 4); // fraction: round(5 * 4 / 10) - 5 = -3
  assert.equal(getProportion(half, shrink, -2, 0), -2);
  assert.equal(getProportion(half, shrink, -6, 0), -3);
});

test('findActiveOrLatest: the one active ReplicaSet, else the new one or newest old one', () => {
  const newer = rs('newer', 0, T2);
  const older = rs('older', 0, T0);
  assert.equal(findActiveOrLatest(undefined, []), undefined);
  assert.equal(findActiveOrLatest(undefined, [older, newer])?.metadata.name, 'newer');
  assert.equal(findActiveOrLatest(rs('new', 0, T1), [older, newer])?.metadata.name, 'new');
  assert.equal(findActiveOrLatest(rs('new', 0, T1), [older, rs('active', 3, T0)])?.metadata.name, 'active');
  assert.equal(findActiveOrLatest(rs('new', 2, T1), [rs('active', 3, T0)]), undefined);
});

test('isSaturated needs matching spec, desired-replicas annotation and availability', () => {
  const d = newDeployment('nginx', 1);
  const saturated = withReplicaAnnotations(rs('r', 1, undefined, 1), 1, 1);
  assert.equal(isSaturated(d, saturated), true);
  assert.equal(isSaturated(d, rs('r', 1, undefined, 1)), false);
  assert.equal(isSaturated(d, withReplicaAnnotations(rs('r', 1, undefined, 0), 1, 1)), false);
  assert.equal(isSaturated(d, withReplicaAnnotations(rs('r', 1, undefined, 1), 2, 2)), false);
  assert.equal(isSaturated(d, undefined), false);
});
