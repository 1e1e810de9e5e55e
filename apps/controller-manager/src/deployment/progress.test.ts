import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition, Deployment, DeploymentStatus, ReplicaSet } from '@wheelhouse/model';
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, pausedConditionStatus, progressCheckDelay, rolloutStatus } from './progress.js';
import { rs } from './fixtures.js';
import { MAX_INT32 } from './spec.js';

/** Go's nil progressDeadlineSeconds: the model has no null (the API defaults it), MAX_INT32 is the same "never". */
const NEVER = MAX_INT32;

const at = (minute: number, second: number) => new Date(Date.UTC(2016, 0, 1, 0, minute, second));
const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');

// Kubernetes' TestDeploymentComplete: (desired, current, updated, available, maxUnavailable, maxSurge).
for (const [name, desired, current, updated, available, maxUnavailable, maxSurge, expected] of [
  ['not complete: min but not all pods become available', 5, 5, 5, 4, 1, 0, false],
  ['not complete: min availability is not honored', 5, 5, 5, 3, 1, 0, false],
  ['complete', 5, 5, 5, 5, 0, 0, true],
  ['not complete: all pods are available but not updated', 5, 5, 4, 5, 0, 0, false],
  ['not complete: still running old pods', 1, 2, 1, 1, 0, 1, false],
  ['not complete: one replica deployment never comes up', 1, 1, 1, 0, 1, 1, false],
] as const) {
  test(`TestDeploymentComplete: ${name}`, () => {
    const d: Deployment = {
      metadata: {},
      spec: { replicas: desired, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } },
      status: { replicas: current, updatedReplicas: updated, availableReplicas: available },
    };
    assert.equal(deploymentComplete(d, d.status!), expected);
  });
}

test('deploymentComplete waits for the generation to be observed', () => {
  const d: Deployment = { metadata: { generation: 3 }, spec: { replicas: 1 } };
  assert.equal(deploymentComplete(d, { replicas: 1, updatedReplicas: 1, availableReplicas: 1, observedGeneration: 2 }), false);
  assert.equal(deploymentComplete(d, { replicas: 1, updatedReplicas: 1, availableReplicas: 1, observedGeneration: 3 }), true);
});

// Kubernetes' TestDeploymentProgressing: (current, updated, ready, available) before and after.
for (const [name, before, after, expected] of [
  ['progressing: updated pods', [10, 4, 4, 4], [10, 6, 4, 4], true],
  ['not progressing', [10, 4, 4, 4], [10, 4, 4, 4], false],
  ['progressing: old pods removed', [10, 4, 6, 6], [8, 4, 6, 6], true],
  ['not progressing: less new pods', [10, 7, 3, 3], [10, 6, 3, 3], false],
  ['progressing: less overall but more new pods', [10, 4, 7, 7], [8, 8, 5, 5], true],
  ['progressing: more ready pods', [10, 10, 9, 8], [10, 10, 10, 8], true],
  ['progressing: more available pods', [10, 10, 10, 9], [10, 10, 10, 10], true],
] as const) {
  test(`TestDeploymentProgressing: ${name}`, () => {
    const status = ([replicas, updatedReplicas, readyReplicas, availableReplicas]: readonly number[]): DeploymentStatus => ({
      replicas,
      updatedReplicas,
      readyReplicas,
      availableReplicas,
    });
    assert.equal(deploymentProgressing({ metadata: {}, status: status(before) }, status(after)), expected);
  });
}

const progressingSince = (from: Date, reason = '', status: 'True' | 'False' = 'True'): Condition => ({
  type: 'Progressing',
  status,
  reason,
  lastUpdateTime: iso(from),
});

// Kubernetes' TestDeploymentTimedOut.
for (const [name, deadline, from, now, reason, expected] of [
  ['no progressDeadlineSeconds specified - no timeout', NEVER, at(1, 9), at(1, 20), '', false],
  ['progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:09 => 11s', 10, at(1, 9), at(1, 20), '', true],
  ['progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:11 => 9s', 10, at(1, 11), at(1, 20), '', false],
  ['exactly at the deadline is not yet timed out', 10, at(1, 10), at(1, 20), '', false],
  ['previous status was a complete deployment', 10, at(0, 0), at(59, 0), 'NewReplicaSetAvailable', false],
  ['a recorded timeout stays timed out', 600, at(1, 19), at(1, 20), 'ProgressDeadlineExceeded', true],
] as const) {
  test(`TestDeploymentTimedOut: ${name}`, () => {
    const d: Deployment = { metadata: {}, spec: { progressDeadlineSeconds: deadline }, status: { conditions: [progressingSince(from, reason)] } };
    assert.equal(deploymentTimedOut(d, d.status!, now), expected);
  });
}

// Kubernetes' TestRequeueStuckDeployment (deadline 60s; Recreate, so no unavailability budget).
const stuckSince = new Date(Date.UTC(2017, 1, 15, 18, 49, 0));
const stuck = (deadline: number, replicas: number, status: DeploymentStatus, conditions?: Condition[]): Deployment => ({
  metadata: { name: 'progress-test' },
  spec: { replicas, progressDeadlineSeconds: deadline, strategy: { type: 'Recreate' } },
  status: { ...status, conditions },
});
for (const [name, d, nowOffsetMs, expected] of [
  ['no progressDeadlineSeconds specified', stuck(NEVER, 4, { replicas: 3, updatedReplicas: 3, availableReplicas: 2 }), 0, undefined],
  ['no progressing condition found', stuck(60, 4, { replicas: 3, updatedReplicas: 3, availableReplicas: 2 }), 0, undefined],
  ['complete deployment does not need to be requeued', stuck(60, 3, { replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), 0, undefined],
  [
    'already failed deployment does not need to be requeued',
    stuck(60, 3, { replicas: 3, updatedReplicas: 3, availableReplicas: 0 }, [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }]),
    0,
    undefined,
  ],
  ['stuck deployment - 30s', stuck(60, 3, { replicas: 3, updatedReplicas: 3, availableReplicas: 1 }, [progressingSince(stuckSince)]), 30_000, 30_000],
  ['stuck deployment - 1s', stuck(60, 3, { replicas: 3, updatedReplicas: 3, availableReplicas: 1 }, [progressingSince(stuckSince)]), 59_000, 1_000],
  ['failed deployment - less than a second => now', stuck(60, 3, { replicas: 3, updatedReplicas: 3, availableReplicas: 1 }, [progressingSince(stuckSince)]), 59_001, 0],
  ['failed deployment - now', stuck(60, 3, { replicas: 3, updatedReplicas: 3, availableReplicas: 1 }, [progressingSince(stuckSince)]), 60_000, 0],
  ['failed deployment - 1s after deadline', stuck(60, 3, { replicas: 3, updatedReplicas: 3, availableReplicas: 1 }, [progressingSince(stuckSince)]), 61_000, 0],
  ['failed deployment - 60s after deadline', stuck(60, 3, { replicas: 3, updatedReplicas: 3, availableReplicas: 1 }, [progressingSince(stuckSince)]), 120_000, 0],
] as const) {
  test(`TestRequeueStuckDeployment: ${name}`, () => {
    assert.equal(progressCheckDelay(d, d.status!, new Date(stuckSince.getTime() + nowOffsetMs)), expected);
  });
}

// syncRolloutStatus (Kubernetes' TestSyncRolloutStatus cases).
const now = new Date(Date.UTC(2024, 0, 1, 12, 0, 0));
const earlier = '2024-01-01T11:00:00Z';
const rollingD = (deadline: number, replicas: number, status: DeploymentStatus): Deployment => ({
  metadata: { name: 'test', generation: 1 },
  spec: { replicas, progressDeadlineSeconds: deadline, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } },
  status,
});
const replicaSet = (name: string, replicas: number, available: number): ReplicaSet => ({
  ...rs(name, replicas, undefined, available),
  status: { replicas, availableReplicas: available, readyReplicas: available },
});
const progressing = (status: 'True' | 'False', reason: string): Condition => ({
  type: 'Progressing',
  status,
  reason,
  lastUpdateTime: earlier,
  lastTransitionTime: earlier,
  message: '',
});
const progressingOf = (s: DeploymentStatus) => s.conditions?.find((c) => c.type === 'Progressing');

test('SyncRolloutStatus: no progress deadline removes the Progressing condition', () => {
  const d = rollingD(NEVER, 1, { conditions: [progressing('True', 'ReplicaSetUpdated')] });
  assert.equal(progressingOf(rolloutStatus([replicaSet('bar', 1, 1)], replicaSet('bar', 1, 1), d, now)), undefined);
});

test('SyncRolloutStatus: a finished rollout is not re-estimated', () => {
  const d = rollingD(600, 2, { replicas: 1, updatedReplicas: 1, conditions: [progressing('True', 'NewReplicaSetAvailable')] });
  const newRS = replicaSet('bar', 1, 1);
  assert.deepEqual(progressingOf(rolloutStatus([newRS], newRS, d, now)), progressing('True', 'NewReplicaSetAvailable'));
});

test('SyncRolloutStatus: progress keeps lastTransitionTime of a True condition and bumps lastUpdateTime', () => {
  const d = rollingD(600, 2, { replicas: 1, updatedReplicas: 1, conditions: [progressing('True', 'ReplicaSetUpdated')] });
  const newRS = replicaSet('bar', 2, 1);
  const cond = progressingOf(rolloutStatus([replicaSet('foo', 0, 0), newRS], newRS, d, now));
  assert.deepEqual(cond, {
    type: 'Progressing',
    status: 'True',
    reason: 'ReplicaSetUpdated',
    message: 'ReplicaSet "bar" is progressing.',
    lastUpdateTime: '2024-01-01T12:00:00Z',
    lastTransitionTime: earlier,
  });
});

test('SyncRolloutStatus: progress after a False condition updates everything', () => {
  const d = rollingD(600, 2, { replicas: 1, updatedReplicas: 1, conditions: [progressing('False', 'ProgressDeadlineExceeded')] });
  const newRS = replicaSet('bar', 2, 1);
  const cond = progressingOf(rolloutStatus([replicaSet('foo', 0, 0), newRS], newRS, d, now));
  assert.equal(cond?.reason, 'ReplicaSetUpdated');
  assert.equal(cond?.lastTransitionTime, '2024-01-01T12:00:00Z');
});

test('SyncRolloutStatus: progress creates the Progressing condition when missing', () => {
  const d = rollingD(600, 2, { replicas: 1, updatedReplicas: 1 });
  const newRS = replicaSet('bar', 2, 1);
  assert.equal(progressingOf(rolloutStatus([newRS], newRS, d, now))?.reason, 'ReplicaSetUpdated');
});

test('SyncRolloutStatus: completion sets NewReplicaSetAvailable, keeping a True transition time', () => {
  const d = rollingD(600, 1, { replicas: 1, updatedReplicas: 1, availableReplicas: 0, conditions: [progressing('True', 'ReplicaSetUpdated')] });
  const newRS = replicaSet('foo', 1, 1);
  const cond = progressingOf(rolloutStatus([newRS], newRS, d, now));
  assert.equal(cond?.reason, 'NewReplicaSetAvailable');
  assert.equal(cond?.message, 'ReplicaSet "foo" has successfully progressed.');
  assert.equal(cond?.lastTransitionTime, earlier);
});

test('SyncRolloutStatus: completion without a new ReplicaSet names the Deployment', () => {
  const d = rollingD(600, 0, { conditions: [progressing('True', 'ReplicaSetUpdated')] });
  assert.equal(progressingOf(rolloutStatus([], undefined, d, now))?.message, 'Deployment "test" has successfully progressed.');
});

test('SyncRolloutStatus: past the deadline without progress reports ProgressDeadlineExceeded once', () => {
  const d = rollingD(30, 2, { replicas: 2, updatedReplicas: 1, availableReplicas: 1, readyReplicas: 1, conditions: [progressing('True', 'ReplicaSetUpdated')] });
  const newRS = replicaSet('bar', 1, 0);
  const status = rolloutStatus([replicaSet('foo', 1, 1), newRS], newRS, d, now);
  assert.equal(progressingOf(status)?.status, 'False');
  assert.equal(progressingOf(status)?.reason, 'ProgressDeadlineExceeded');
  const again = rolloutStatus([replicaSet('foo', 1, 1), newRS], newRS, { ...d, status }, new Date(now.getTime() + 60_000));
  assert.deepEqual(progressingOf(again), progressingOf(status));
});

test('SyncRolloutStatus: Available reflects minimum availability; ReplicaFailure is mirrored from the new ReplicaSet first', () => {
  const d = rollingD(600, 2, {});
  const failing = (name: string, message: string): ReplicaSet => ({
    ...replicaSet(name, 1, 1),
    status: { replicas: 1, availableReplicas: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message, lastTransitionTime: earlier }] },
  });
  const status = rolloutStatus([failing('old', 'quota'), failing('new', 'admission')], failing('new', 'admission'), d, now);
  const available = status.conditions?.find((c) => c.type === 'Available');
  assert.equal(available?.status, 'True');
  assert.equal(available?.reason, 'MinimumReplicasAvailable');
  assert.equal(status.conditions?.find((c) => c.type === 'ReplicaFailure')?.message, 'admission');
  const healed = rolloutStatus([replicaSet('new', 2, 0)], replicaSet('new', 2, 0), { ...d, status }, now);
  assert.equal(
    healed.conditions?.find((c) => c.type === 'ReplicaFailure'),
    undefined,
  );
  assert.equal(healed.conditions?.find((c) => c.type === 'Available')?.reason, 'MinimumReplicasUnavailable');
});

test('pausing and resuming mark Progressing Unknown, unless a timeout was already reported', () => {
  const paused: Deployment = { metadata: {}, spec: { paused: true, progressDeadlineSeconds: 600 }, status: { conditions: [progressing('True', 'ReplicaSetUpdated')] } };
  const pausedStatus = pausedConditionStatus(paused, now);
  assert.deepEqual(progressingOf(pausedStatus!), {
    type: 'Progressing',
    status: 'Unknown',
    reason: 'DeploymentPaused',
    message: 'Deployment is paused',
    lastUpdateTime: '2024-01-01T12:00:00Z',
    lastTransitionTime: '2024-01-01T12:00:00Z',
  });
  assert.equal(pausedConditionStatus({ ...paused, status: pausedStatus }, now), undefined);
  const resumed = pausedConditionStatus({ ...paused, spec: { ...paused.spec, paused: false }, status: pausedStatus }, now);
  assert.equal(progressingOf(resumed!)?.reason, 'DeploymentResumed');
  assert.equal(pausedConditionStatus({ ...paused, status: { conditions: [progressing('False', 'ProgressDeadlineExceeded')] } }, now), undefined);
  assert.equal(pausedConditionStatus({ ...paused, spec: { paused: true, progressDeadlineSeconds: NEVER } }, now), undefined);
});
