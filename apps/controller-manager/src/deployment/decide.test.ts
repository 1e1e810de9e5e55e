import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment, Pod, ReplicaSet } from '@wheelhouse/model';
import type { DeploymentAction } from './actions.js';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, REVISION_ANNOTATION, ROLLBACK_TO_ANNOTATION } from './annotations.js';
import { decideDeployment } from './decide.js';
import { newDeployment } from './fixtures.js';

const now = new Date(Date.UTC(2024, 0, 1, 12, 0, 0));
/**
 * The pod-template-hash of newDeployment's template, pinned (not computed with the code
 * under test): FNV-32a of its canonical JSON
 * `{"metadata":{"labels":{"foo":"bar"}},"spec":{"containers":[{"image":"foo/bar","name":"app"}]}}`
 * is 3900496718 (checked with an independent Python FNV-1a), whose digits on the safe
 * alphabet read 7f448fbc5d.
 */
const FOO_HASH = '7f448fbc5d';
const typesOf = (actions: DeploymentAction[]) => actions.map((a) => (a.type === 'event' ? `event:${a.reason}` : a.type));

const withImage = (d: Deployment, image: string): Deployment => {
  d.spec!.template!.spec = { containers: [{ name: 'app', image }] };
  return d;
};

/** A ReplicaSet the Deployment made earlier for `image`. */
function ownedRS(
  d: Deployment,
  name: string,
  image: string,
  replicas: number,
  revision: string,
  opts: { available?: number; created?: string; desired?: number; max?: number } = {},
): ReplicaSet {
  const labels = { foo: 'bar', 'pod-template-hash': name };
  const annotations: Record<string, string> = { [REVISION_ANNOTATION]: revision };
  if (opts.desired !== undefined) annotations[DESIRED_REPLICAS_ANNOTATION] = String(opts.desired);
  if (opts.max !== undefined) annotations[MAX_REPLICAS_ANNOTATION] = String(opts.max);
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      labels,
      annotations,
      creationTimestamp: opts.created ?? '2024-01-01T00:00:00Z',
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name!, uid: d.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image }] } },
    },
    status: { replicas, readyReplicas: opts.available ?? replicas, availableReplicas: opts.available ?? replicas, observedGeneration: 0 },
  };
}

test('TestSyncDeploymentCreatesReplicaSet: create, record the revision, then the rollout status', () => {
  const d = newDeployment('foo', 1);
  const actions = decideDeployment({ deployment: d, replicaSets: [], pods: [], now });
  assert.deepEqual(typesOf(actions), ['createReplicaSet', 'event:ScalingReplicaSet', 'updateDeploymentStatus', 'updateDeploymentStatus']);
  const created = (actions[0] as Extract<DeploymentAction, { type: 'createReplicaSet' }>).replicaSet;
  const hash = FOO_HASH;
  assert.equal(created.metadata.name, `foo-${hash}`);
  assert.equal(created.spec?.replicas, 1);
  assert.deepEqual(created.spec?.selector, { matchLabels: { foo: 'bar', 'pod-template-hash': hash } });
  assert.deepEqual(created.spec?.template?.metadata?.labels, { foo: 'bar', 'pod-template-hash': hash });
  assert.deepEqual(created.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'foo', uid: 'uid-foo', controller: true, blockOwnerDeletion: true }]);
  assert.deepEqual(created.metadata.annotations, { [REVISION_ANNOTATION]: '1', [DESIRED_REPLICAS_ANNOTATION]: '1', [MAX_REPLICAS_ANNOTATION]: '1' });
  const revisionWrite = (actions[2] as Extract<DeploymentAction, { type: 'updateDeploymentStatus' }>).deployment;
  assert.equal(revisionWrite.metadata.annotations?.[REVISION_ANNOTATION], '1');
});

test('with a progress deadline the new ReplicaSet is announced as Progressing/NewReplicaSetCreated', () => {
  const d = newDeployment('foo', 1);
  d.spec!.progressDeadlineSeconds = 600;
  const actions = decideDeployment({ deployment: d, replicaSets: [], pods: [], now });
  const status = (actions[2] as Extract<DeploymentAction, { type: 'updateDeploymentStatus' }>).deployment.status;
  const progressing = status?.conditions?.find((c) => c.type === 'Progressing');
  assert.equal(progressing?.reason, 'NewReplicaSetCreated');
  assert.equal(progressing?.message, `Created new replica set "foo-${FOO_HASH}"`);
});

test('TestSyncDeploymentDontDoAnythingDuringDeletion: only the status is synced', () => {
  const d = newDeployment('foo', 1);
  d.metadata.deletionTimestamp = '2024-01-01T00:00:00Z';
  assert.deepEqual(typesOf(decideDeployment({ deployment: d, replicaSets: [], pods: [], now })), ['updateDeploymentStatus']);
});

test('TestDontSyncDeploymentsWithEmptyPodSelector: warn, and only record the observed generation', () => {
  const d = newDeployment('foo', 1);
  d.spec!.selector = {};
  assert.deepEqual(typesOf(decideDeployment({ deployment: d, replicaSets: [], pods: [], now })), ['event:SelectingAll']);
  d.metadata.generation = 2;
  const actions = decideDeployment({ deployment: d, replicaSets: [], pods: [], now });
  assert.deepEqual(typesOf(actions), ['event:SelectingAll', 'updateDeploymentStatus']);
  assert.equal((actions[1] as Extract<DeploymentAction, { type: 'updateDeploymentStatus' }>).deployment.status?.observedGeneration, 2);
});

test('TestReentrantRollback: roll back to the previous revision without touching ReplicaSets', () => {
  const d = withImage(newDeployment('foo', 1), 'foo/bar');
  d.metadata.annotations = { [REVISION_ANNOTATION]: '2', [ROLLBACK_TO_ANNOTATION]: '0' };
  const rs1 = ownedRS(d, 'foo-old', 'foo/old', 0, '1');
  const rs2 = ownedRS(d, 'foo-new', 'foo/bar', 1, '2');
  const actions = decideDeployment({ deployment: d, replicaSets: [rs1, rs2], pods: [], now });
  assert.deepEqual(typesOf(actions), ['updateDeployment', 'event:DeploymentRollback']);
  const rolledBack = (actions[0] as Extract<DeploymentAction, { type: 'updateDeployment' }>).deployment;
  const podSpec = rolledBack.spec?.template?.spec as { containers: Array<{ image: string }> } | undefined;
  assert.equal(podSpec?.containers[0]?.image, 'foo/old');
  assert.equal(rolledBack.spec?.template?.metadata?.labels?.['pod-template-hash'], undefined);
  assert.equal(rolledBack.metadata.annotations?.[ROLLBACK_TO_ANNOTATION], undefined);
});

test('rollback to an unknown revision gives up with a warning and clears the request', () => {
  const d = withImage(newDeployment('foo', 1), 'foo/bar');
  d.metadata.annotations = { [REVISION_ANNOTATION]: '1', [ROLLBACK_TO_ANNOTATION]: '7' };
  const actions = decideDeployment({ deployment: d, replicaSets: [ownedRS(d, 'foo-new', 'foo/bar', 1, '1')], pods: [], now });
  assert.deepEqual(typesOf(actions), ['event:DeploymentRollbackRevisionNotFound', 'updateDeployment']);
});

test('TestGetReplicaSetsForDeploymentAdoptRelease: adopt a matching orphan, release a mismatched one, ignore others', () => {
  const d = withImage(newDeployment('foo', 1), 'foo/bar');
  const orphan = ownedRS(d, 'rs-adopt', 'foo/bar', 1, '1');
  orphan.metadata.ownerReferences = [];
  const mismatched = ownedRS(d, 'rs-release', 'foo/old', 0, '0');
  mismatched.metadata.labels = { foo: 'notbar' };
  const foreign = ownedRS(newDeployment('bar', 1), 'rs-other', 'foo/bar', 1, '1');
  const actions = decideDeployment({ deployment: d, replicaSets: [orphan, mismatched, foreign], pods: [], now });
  const adopt = actions.find((a) => a.type === 'adoptReplicaSet');
  const release = actions.find((a) => a.type === 'releaseReplicaSet');
  assert.equal(adopt?.replicaSet.metadata.name, 'rs-adopt');
  assert.deepEqual(adopt?.ownerReference, { apiVersion: 'apps/v1', kind: 'Deployment', name: 'foo', uid: 'uid-foo', controller: true, blockOwnerDeletion: true });
  assert.equal(release?.replicaSet.metadata.name, 'rs-release');
  assert.equal(actions.filter((a) => a.type === 'adoptReplicaSet' || a.type === 'releaseReplicaSet').length, 2);
  // The adopted ReplicaSet has the template: it is the new one, so nothing is created.
  assert.equal(
    actions.some((a) => a.type === 'createReplicaSet'),
    false,
  );
});

test('a rolling update starts: new ReplicaSet within maxSurge, old ones untouched until it is available', () => {
  const d = withImage(newDeployment('web', 3, { maxSurge: 1, maxUnavailable: 0 }), 'web:2');
  const old = ownedRS(d, 'web-v1', 'web:1', 3, '1', { desired: 3, max: 4 });
  const actions = decideDeployment({ deployment: d, replicaSets: [old], pods: [], now });
  assert.deepEqual(typesOf(actions), ['createReplicaSet', 'event:ScalingReplicaSet', 'updateDeploymentStatus', 'updateDeploymentStatus']);
  const created = (actions[0] as Extract<DeploymentAction, { type: 'createReplicaSet' }>).replicaSet;
  assert.equal(created.spec?.replicas, 1);
  assert.equal(created.metadata.annotations?.[REVISION_ANNOTATION], '2');
  const status = (actions[3] as Extract<DeploymentAction, { type: 'updateDeploymentStatus' }>).deployment.status;
  // The new pod is asked for (spec) but does not exist yet (status): unavailable, not yet replicas.
  assert.deepEqual([status?.replicas, status?.updatedReplicas, status?.availableReplicas, status?.unavailableReplicas], [3, 0, 3, 1]);
});

test('a rolling update continues: once the new pod is available one old pod goes', () => {
  const d = withImage(newDeployment('web', 3, { maxSurge: 1, maxUnavailable: 0 }), 'web:2');
  d.metadata.annotations = { [REVISION_ANNOTATION]: '2' };
  const old = ownedRS(d, 'web-v1', 'web:1', 3, '1', { desired: 3, max: 4, created: '2024-01-01T00:00:00Z' });
  const current = ownedRS(d, 'web-v2', 'web:2', 1, '2', { desired: 3, max: 4, created: '2024-01-01T01:00:00Z' });
  const actions = decideDeployment({ deployment: d, replicaSets: [old, current], pods: [], now });
  assert.deepEqual(typesOf(actions), ['updateReplicaSet', 'event:ScalingReplicaSet', 'updateDeploymentStatus']);
  const update = actions[0] as Extract<DeploymentAction, { type: 'updateReplicaSet' }>;
  assert.equal(update.replicaSet.metadata.name, 'web-v1');
  assert.deepEqual(update.scaled, { from: 3, to: 2 });
  assert.equal((actions[1] as Extract<DeploymentAction, { type: 'event' }>).message, 'Scaled down replica set web-v1 from 3 to 2');
});

test('a finished rollout deletes old ReplicaSets beyond revisionHistoryLimit', () => {
  const d = withImage(newDeployment('web', 2, { revisionHistoryLimit: 1 }), 'web:3');
  d.metadata.annotations = { [REVISION_ANNOTATION]: '3' };
  d.status = { replicas: 2, updatedReplicas: 2, availableReplicas: 2, readyReplicas: 2 };
  const rss = [ownedRS(d, 'web-v1', 'web:1', 0, '1'), ownedRS(d, 'web-v2', 'web:2', 0, '2'), ownedRS(d, 'web-v3', 'web:3', 2, '3', { desired: 2, max: 2 })];
  const deletions = decideDeployment({ deployment: d, replicaSets: rss, pods: [], now }).filter((a) => a.type === 'deleteReplicaSet');
  assert.deepEqual(
    deletions.map((a) => a.replicaSet.metadata.name),
    ['web-v1'],
  );
});

test('a scaling event mid-rollout is spread proportionally instead of advancing the rollout', () => {
  const d = withImage(newDeployment('web', 10), 'web:2');
  d.metadata.annotations = { [REVISION_ANNOTATION]: '2' };
  const old = ownedRS(d, 'web-v1', 'web:1', 3, '1', { desired: 5, max: 5, created: '2024-01-01T00:00:00Z' });
  const current = ownedRS(d, 'web-v2', 'web:2', 2, '2', { desired: 5, max: 5, created: '2024-01-01T01:00:00Z' });
  const actions = decideDeployment({ deployment: d, replicaSets: [old, current], pods: [], now });
  const scales = actions.filter((a) => a.type === 'updateReplicaSet');
  assert.deepEqual(
    scales.map((a) => [a.replicaSet.metadata.name, a.replicaSet.spec?.replicas, a.replicaSet.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION]]),
    [
      ['web-v1', 6, '10'],
      ['web-v2', 4, '10'],
    ],
  );
  assert.equal(actions.at(-1)?.type, 'updateDeploymentStatus');
});

test('a paused Deployment records the pause and only scales', () => {
  const d = withImage(newDeployment('web', 3), 'web:2');
  d.spec!.paused = true;
  d.spec!.progressDeadlineSeconds = 600;
  d.metadata.annotations = { [REVISION_ANNOTATION]: '1' };
  d.status = {
    conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', lastUpdateTime: '2024-01-01T00:00:00Z', lastTransitionTime: '2024-01-01T00:00:00Z' }],
  };
  const old = ownedRS(d, 'web-v1', 'web:1', 3, '1', { desired: 3, max: 3 });
  const actions = decideDeployment({ deployment: d, replicaSets: [old], pods: [], now });
  assert.deepEqual(typesOf(actions), ['updateDeploymentStatus', 'updateDeploymentStatus']);
  const paused = (actions[0] as Extract<DeploymentAction, { type: 'updateDeploymentStatus' }>).deployment.status;
  assert.equal(paused?.conditions?.find((c) => c.type === 'Progressing')?.reason, 'DeploymentPaused');
  assert.equal(
    actions.some((a) => a.type === 'createReplicaSet'),
    false,
  );
});

test('Recreate scales the old ReplicaSets to zero first', () => {
  const d = withImage(newDeployment('db', 2), 'db:2');
  d.spec!.strategy = { type: 'Recreate' };
  const old = ownedRS(d, 'db-v1', 'db:1', 2, '1', { desired: 2, max: 2 });
  const actions = decideDeployment({ deployment: d, replicaSets: [old], pods: [], now });
  assert.deepEqual(typesOf(actions), ['updateReplicaSet', 'event:ScalingReplicaSet', 'updateDeploymentStatus']);
  assert.equal((actions[0] as Extract<DeploymentAction, { type: 'updateReplicaSet' }>).replicaSet.spec?.replicas, 0);
});

test('Recreate waits while an old pod still runs, then creates the new ReplicaSet at full size', () => {
  const d = withImage(newDeployment('db', 2), 'db:2');
  d.spec!.strategy = { type: 'Recreate' };
  const old = { ...ownedRS(d, 'db-v1', 'db:1', 0, '1', { desired: 2, max: 2 }), status: { replicas: 0 } };
  const oldPod: Pod = {
    metadata: {
      name: 'db-v1-x',
      namespace: 'default',
      labels: { foo: 'bar', 'pod-template-hash': 'db-v1' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'db-v1', uid: 'uid-db-v1', controller: true }],
    },
    status: { phase: 'Running' },
  };
  const waiting = decideDeployment({ deployment: d, replicaSets: [old], pods: [oldPod], now });
  assert.equal(
    waiting.some((a) => a.type === 'createReplicaSet'),
    false,
  );
  const gone = decideDeployment({ deployment: d, replicaSets: [old], pods: [{ ...oldPod, status: { phase: 'Succeeded' } }], now });
  assert.deepEqual(typesOf(gone), ['createReplicaSet', 'event:ScalingReplicaSet', 'updateDeploymentStatus', 'updateDeploymentStatus']);
  assert.equal((gone[0] as Extract<DeploymentAction, { type: 'createReplicaSet' }>).replicaSet.spec?.replicas, 2);
});

test('a foreign ReplicaSet holding the new name is a hash collision: bump collisionCount and stop', () => {
  const d = newDeployment('foo', 1);
  const squatter: ReplicaSet = { metadata: { name: `foo-${FOO_HASH}`, namespace: 'default', uid: 'x', labels: { other: 'app' } }, spec: { replicas: 1 } };
  const actions = decideDeployment({ deployment: d, replicaSets: [squatter], pods: [], now });
  assert.deepEqual(typesOf(actions), ['updateDeploymentStatus']);
  const bumped = (actions[0] as Extract<DeploymentAction, { type: 'updateDeploymentStatus' }>).deployment;
  assert.equal(bumped.status?.collisionCount, 1);
  // With the bumped count the next sync picks another name.
  const next = decideDeployment({ deployment: bumped, replicaSets: [squatter], pods: [], now });
  assert.notEqual((next[0] as Extract<DeploymentAction, { type: 'createReplicaSet' }>).replicaSet.metadata.name, squatter.metadata.name);
});

test('a stuck rollout with nothing new to report is requeued for the deadline check', () => {
  const d = withImage(newDeployment('web', 1, { maxSurge: 1, maxUnavailable: 0 }), 'web:2');
  d.spec!.progressDeadlineSeconds = 600;
  d.metadata.annotations = { [REVISION_ANNOTATION]: '2' };
  const old = ownedRS(d, 'web-v1', 'web:1', 1, '1', { desired: 1, max: 2, created: '2024-01-01T00:00:00Z' });
  const stuck = ownedRS(d, 'web-v2', 'web:2', 1, '2', { desired: 1, max: 2, created: '2024-01-01T01:00:00Z', available: 0 });
  const progressingSince = '2024-01-01T11:55:00Z';
  d.status = {
    observedGeneration: 0,
    replicas: 2,
    updatedReplicas: 1,
    readyReplicas: 1,
    availableReplicas: 1,
    unavailableReplicas: 1,
    conditions: [
      {
        type: 'Available',
        status: 'True',
        reason: 'MinimumReplicasAvailable',
        message: 'Deployment has minimum availability.',
        lastUpdateTime: progressingSince,
        lastTransitionTime: progressingSince,
      },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'ReplicaSetUpdated',
        message: 'ReplicaSet "web-v2" is progressing.',
        lastUpdateTime: progressingSince,
        lastTransitionTime: progressingSince,
      },
    ],
  };
  const actions = decideDeployment({ deployment: d, replicaSets: [old, stuck], pods: [], now });
  // 10 minutes from 11:55 is 12:05: five minutes left, plus the second of slack.
  assert.deepEqual(actions, [{ type: 'requeueAfter', milliseconds: 301_000 }]);
  const late = decideDeployment({ deployment: d, replicaSets: [old, stuck], pods: [], now: new Date(Date.UTC(2024, 0, 1, 12, 6)) });
  const timedOut = (late[0] as Extract<DeploymentAction, { type: 'updateDeploymentStatus' }>).deployment.status;
  assert.equal(timedOut?.conditions?.find((c) => c.type === 'Progressing')?.reason, 'ProgressDeadlineExceeded');
});

test('the existing new ReplicaSet gets the Deployment’s annotations and minReadySeconds before anything else', () => {
  const d = withImage(newDeployment('web', 1), 'web:1');
  d.metadata.annotations = { 'kubernetes.io/change-cause': 'v1' };
  d.spec!.minReadySeconds = 5;
  const current = ownedRS(d, 'web-v1', 'web:1', 1, '1', { desired: 1, max: 1 });
  const actions = decideDeployment({ deployment: d, replicaSets: [current], pods: [], now });
  const update = actions[0] as Extract<DeploymentAction, { type: 'updateReplicaSet' }>;
  assert.equal(update.type, 'updateReplicaSet');
  assert.equal(update.replicaSet.spec?.minReadySeconds, 5);
  assert.equal(update.replicaSet.metadata.annotations?.['kubernetes.io/change-cause'], 'v1');
  assert.equal(update.scaled, undefined);
});
