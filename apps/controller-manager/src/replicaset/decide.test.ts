import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, ReplicaSet, ReplicationController } from '@wheelhouse/model';
import { decideReplicaSet, type ReplicaSetAction, type ReplicaSetState } from './decide.js';

const now = new Date('2024-01-01T12:00:00Z');
const labels = { foo: 'bar' };

const newReplicaSet = (replicas: number, extra: Partial<ReplicaSet['metadata']> = {}): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'foobar', namespace: 'default', uid: 'rs-uid', generation: 1, ...extra },
  spec: {
    replicas,
    selector: { matchLabels: labels },
    template: { metadata: { labels: { ...labels, type: 'production' }, annotations: { note: 'x' } }, spec: { containers: [{ name: 'c', image: 'foo/bar' }] } },
  },
});

let podCounter = 0;
const newPod = (
  owner: { uid: string; kind?: string } | undefined,
  opts: { phase?: string; labels?: Record<string, string>; node?: string; deleting?: boolean; ready?: boolean } = {},
): Pod => ({
  metadata: {
    name: `pod-${++podCounter}`,
    uid: `pod-uid-${podCounter}`,
    namespace: 'default',
    labels: opts.labels ?? labels,
    ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: owner.kind ?? 'ReplicaSet', name: 'foobar', uid: owner.uid, controller: true }] : [],
    ...(opts.deleting ? { deletionTimestamp: '2024-01-01T11:00:00Z' } : {}),
  },
  spec: { nodeName: opts.node ?? 'node-1' },
  status: {
    phase: opts.phase ?? 'Running',
    conditions: opts.ready === false ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }],
  },
});
const ours = { uid: 'rs-uid' };
const decide = (state: Partial<ReplicaSetState> & Pick<ReplicaSetState, 'rs'>) => decideReplicaSet({ pods: [], expectationsSatisfied: true, now, ...state });
const ofType = <T extends ReplicaSetAction['type']>(actions: ReplicaSetAction[], type: T) => actions.filter((a): a is Extract<ReplicaSetAction, { type: T }> => a.type === type);

test('TestSyncReplicaSetDoesNothing: the right number of pods and an up-to-date status mean no actions', () => {
  const rs = newReplicaSet(2);
  rs.status = { replicas: 2, fullyLabeledReplicas: 0, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1, conditions: [] };
  assert.deepEqual(decide({ rs, pods: [newPod(ours), newPod(ours)] }), []);
});

test('TestSyncReplicaSetDeletes: one pod too many is deleted, then the status written', () => {
  const actions = decide({ rs: newReplicaSet(2), pods: [newPod(ours), newPod(ours), newPod(ours)] });
  assert.deepEqual(
    actions.map((a) => a.type),
    ['delete', 'status'],
  );
  assert.equal(ofType(actions, 'delete')[0]!.pods.length, 1);
});

test('TestSyncReplicaSetCreates: missing pods are created from the template in slow-start batches', () => {
  const actions = decide({ rs: newReplicaSet(10) });
  const [create] = ofType(actions, 'create');
  assert.equal(create!.count, 10);
  assert.deepEqual(create!.batches, [1, 2, 4, 3]);
  assert.deepEqual(create!.pod, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: 'foobar-',
      namespace: 'default',
      labels: { foo: 'bar', type: 'production' },
      annotations: { note: 'x' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'foobar', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: { containers: [{ name: 'c', image: 'foo/bar' }] },
  });
});

test('at most 500 pods are created or deleted per sync (burstReplicas)', () => {
  const [create] = ofType(decide({ rs: newReplicaSet(600) }), 'create');
  assert.equal(create!.count, 500);
  assert.equal(
    create!.batches.reduce((a, b) => a + b, 0),
    500,
  );
  const pods = Array.from({ length: 700 }, () => newPod(ours));
  assert.equal(ofType(decide({ rs: newReplicaSet(100), pods }), 'delete')[0]!.pods.length, 500);
});

test('TestSyncReplicaSetDormancy: unsatisfied expectations block creates and deletes, not the status', () => {
  const actions = decide({ rs: newReplicaSet(2), pods: [newPod(ours)], expectationsSatisfied: false });
  assert.deepEqual(
    actions.map((a) => a.type),
    ['status'],
  );
});

test('a ReplicaSet being deleted manages no pods', () => {
  const actions = decide({ rs: newReplicaSet(2, { deletionTimestamp: '2024-01-01T00:00:00Z' }) });
  assert.deepEqual(
    actions.map((a) => a.type),
    ['status'],
  );
});

test('pods being deleted or finished are not replicas: replacements are created', () => {
  const pods = [newPod(ours, { deleting: true }), newPod(ours, { phase: 'Failed' }), newPod(ours, { phase: 'Succeeded' }), newPod(ours)];
  const actions = decide({ rs: newReplicaSet(2), pods });
  assert.deepEqual(ofType(actions, 'create')[0]!.batches, [1]);
  assert.equal(ofType(actions, 'status')[0]!.status.replicas, 1);
});

test('TestControllerRefs: adopt matching orphans, release owned pods whose labels changed, ignore other controllers', () => {
  const orphan = newPod(undefined);
  const strayed = newPod(ours, { labels: { foo: 'baz' } });
  const foreign = newPod({ uid: 'someone-else' });
  const actions = decide({ rs: newReplicaSet(2), pods: [orphan, strayed, foreign, newPod(ours)] });
  assert.deepEqual(
    actions.map((a) => a.type),
    ['adopt', 'release', 'status'],
  );
  const [adopt] = ofType(actions, 'adopt');
  assert.equal(adopt!.pod, orphan);
  assert.equal(adopt!.ownerReference.uid, 'rs-uid');
  const [release] = ofType(actions, 'release');
  assert.equal(release!.pod, strayed);
  assert.equal(release!.ownerUid, 'rs-uid');
  // The adopted orphan counts: 2 replicas, so nothing to create.
  assert.equal(ofType(actions, 'status')[0]!.status.replicas, 2);
});

test('scale-down deletes the cheapest pods first: not ready before ready', () => {
  const ready = [newPod(ours), newPod(ours)];
  const notReady = newPod(ours, { ready: false });
  const [del] = ofType(decide({ rs: newReplicaSet(2), pods: [...ready, notReady] }), 'delete');
  assert.deepEqual(del!.pods, [notReady]);
});

test('scale-down prefers pods on nodes crowded with sibling ReplicaSets’ pods', () => {
  const rs = newReplicaSet(1, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: 'dep', controller: true }] });
  const sibling: ReplicaSet = {
    ...newReplicaSet(1, { name: 'sibling', uid: 'sib', ownerReferences: rs.metadata.ownerReferences }),
    spec: { selector: { matchLabels: { sib: 'yes' } } },
  };
  const alone = newPod(ours, { node: 'n1' });
  const crowded = newPod(ours, { node: 'n2' });
  const siblingPod = newPod({ uid: 'sib' }, { node: 'n2', labels: { sib: 'yes' } });
  const [del] = ofType(decide({ rs, pods: [alone, crowded, siblingPod], replicaSets: [rs, sibling] }), 'delete');
  assert.deepEqual(del!.pods, [crowded]);
});

test('a ReplicationController selects by label map and owns pods as v1 ReplicationController', () => {
  const rc: ReplicationController = {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name: 'frontend', namespace: 'default', uid: 'rc-uid', generation: 1 },
    spec: { replicas: 2, selector: { foo: 'bar' }, template: { metadata: { labels: { foo: 'bar' } } } },
  };
  const orphan = newPod(undefined);
  const actions = decideReplicaSet({ rs: rc, pods: [orphan, newPod(undefined, { labels: { foo: 'other' } })], expectationsSatisfied: true, now });
  assert.deepEqual(
    actions.map((a) => a.type),
    ['adopt', 'create', 'status'],
  );
  assert.deepEqual(ofType(actions, 'adopt')[0]!.ownerReference, {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    name: 'frontend',
    uid: 'rc-uid',
    controller: true,
    blockOwnerDeletion: true,
  });
  assert.equal(ofType(actions, 'create')[0]!.pod.metadata.generateName, 'frontend-');
  // The kind flag wins over the object's own kind field.
  const noKind = { ...rc, kind: undefined };
  assert.equal(ofType(decideReplicaSet({ rs: noKind, kind: 'ReplicationController', pods: [], expectationsSatisfied: true, now }), 'create').length, 1);
});

test('a ReplicationController without a selector selects nothing', () => {
  const rc: ReplicationController = { kind: 'ReplicationController', metadata: { name: 'rc', namespace: 'default', uid: 'rc-uid' }, spec: { replicas: 1 } };
  const actions = decideReplicaSet({ rs: rc, pods: [newPod(undefined)], expectationsSatisfied: true, now });
  // No pod adopted; the all-zero status is already what it is, so only the create.
  assert.deepEqual(
    actions.map((a) => a.type),
    ['create'],
  );
});

test('the last create error becomes ReplicaFailure/FailedCreate', () => {
  const actions = decide({ rs: newReplicaSet(1), lastCreateError: 'pods "foobar-" is forbidden: exceeded quota' });
  const condition = ofType(actions, 'status')[0]!.status.conditions?.[0];
  assert.deepEqual(condition, {
    type: 'ReplicaFailure',
    status: 'True',
    reason: 'FailedCreate',
    message: 'pods "foobar-" is forbidden: exceeded quota',
    lastTransitionTime: '2024-01-01T12:00:00Z',
  });
});

test('ready pods not yet available for minReadySeconds bring the ReplicaSet back after that long', () => {
  const rs = newReplicaSet(1);
  rs.spec!.minReadySeconds = 30;
  const justReady = newPod(ours);
  justReady.status!.conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T11:59:50Z' }];
  const actions = decide({ rs, pods: [justReady] });
  assert.deepEqual(actions.at(-1), { type: 'requeueAfter', seconds: 30 });
});

test('an invalid selector decides nothing', () => {
  const rs = newReplicaSet(1);
  rs.spec!.selector = { matchExpressions: [{ key: 'foo', operator: 'Bogus' as 'In' }] };
  assert.deepEqual(decide({ rs }), []);
});
