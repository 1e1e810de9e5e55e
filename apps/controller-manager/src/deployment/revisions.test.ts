import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from '@wheelhouse/model';
import { DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION } from './annotations.js';
import { newDeployment, rs } from './fixtures.js';
import { deploymentAnnotationsFrom, newReplicaSetAnnotations, replicasAnnotationsNeedUpdate } from './replica-set-annotations.js';
import { lastRevision, maxRevision, nextRevision, revisionOf } from './revisions.js';

const atRevision = (name: string, revision?: string): ReplicaSet => {
  const replicaSet = rs(name, 1);
  if (revision !== undefined) replicaSet.metadata.annotations = { [REVISION_ANNOTATION]: revision };
  return replicaSet;
};

test('revisionOf: 0 without the annotation, undefined when malformed', () => {
  assert.equal(revisionOf(atRevision('a', '7')), 7);
  assert.equal(revisionOf(atRevision('a')), 0);
  assert.equal(revisionOf(atRevision('a', 'seven')), undefined);
});

test('max, last and next revision skip malformed annotations', () => {
  const rss = [atRevision('a', '3'), atRevision('b', '1'), atRevision('c', 'x'), atRevision('d', '2'), undefined];
  assert.equal(maxRevision(rss), 3);
  assert.equal(lastRevision(rss), 2);
  assert.equal(nextRevision(rss), 4);
  assert.equal(maxRevision([]), 0);
  assert.equal(lastRevision([atRevision('a', '5')]), 0);
  assert.equal(lastRevision([atRevision('a', '5'), atRevision('b', '5')]), 5);
});

test('TestAnnotationUtils: raising the revision from 1 to 20, one step at a time', () => {
  const d = newDeployment('nginx', 1);
  d.metadata.annotations = { [REVISION_ANNOTATION]: '1' };
  let replicaSet = rs('nginx-rs', 1);
  for (let i = 1; i <= 20; i++) {
    const { annotations } = newReplicaSetAnnotations(d, replicaSet, i, true);
    replicaSet = { ...replicaSet, metadata: { ...replicaSet.metadata, annotations } };
    assert.equal(annotations[REVISION_ANNOTATION], String(i));
  }
  // The Deployment's own revision annotation is never copied; every earlier revision is history.
  assert.equal(replicaSet.metadata.annotations?.[REVISION_HISTORY_ANNOTATION], Array.from({ length: 19 }, (_, i) => i + 1).join(','));
});

test('newReplicaSetAnnotations copies the Deployment annotations but not the controller-owned ones', () => {
  const d = newDeployment('nginx', 3, { maxSurge: 1 });
  d.metadata.annotations = { 'kubernetes.io/change-cause': 'edit', [REVISION_ANNOTATION]: '9', 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
  const { annotations, changed } = newReplicaSetAnnotations(d, rs('nginx-rs', 0), 2, false);
  assert.equal(changed, true);
  assert.deepEqual(annotations, {
    'kubernetes.io/change-cause': 'edit',
    [REVISION_ANNOTATION]: '2',
    [DESIRED_REPLICAS_ANNOTATION]: '3',
    [MAX_REPLICAS_ANNOTATION]: '4',
  });
});

test('newReplicaSetAnnotations never lowers a revision and reports no change when all is in place', () => {
  const d = newDeployment('nginx', 1);
  const { annotations, changed } = newReplicaSetAnnotations(d, atRevision('r', '5'), 3, true);
  assert.equal(changed, false);
  assert.equal(annotations[REVISION_ANNOTATION], '5');
  assert.equal(newReplicaSetAnnotations(d, atRevision('r', 'bad'), 3, true).changed, false);
});

test('the revision history is trimmed from the front to 2000 characters', () => {
  const d = newDeployment('nginx', 1);
  const history = Array.from({ length: 400 }, (_, i) => String(1000 + i)).join(','); // 1999 characters
  const replicaSet = atRevision('r', '5000');
  replicaSet.metadata.annotations![REVISION_HISTORY_ANNOTATION] = history;
  const { annotations } = newReplicaSetAnnotations(d, replicaSet, 6000, true);
  const entries = annotations[REVISION_HISTORY_ANNOTATION]!.split(',');
  assert.ok(annotations[REVISION_HISTORY_ANNOTATION]!.length <= 2000);
  assert.equal(entries.at(-1), '5000');
  assert.equal(entries[0], '1001');
});

test('replicasAnnotationsNeedUpdate (TestReplicasAnnotationsNeedUpdate)', () => {
  const annotated = (desired: string, max: string): ReplicaSet => ({
    ...rs('hello', 1),
    metadata: { name: 'hello', annotations: { [DESIRED_REPLICAS_ANNOTATION]: desired, [MAX_REPLICAS_ANNOTATION]: max } },
  });
  assert.equal(replicasAnnotationsNeedUpdate(rs('hello', 1), 10, 20), true);
  assert.equal(replicasAnnotationsNeedUpdate(annotated('8', '20'), 10, 20), true);
  assert.equal(replicasAnnotationsNeedUpdate(annotated('10', '16'), 10, 20), true);
  assert.equal(replicasAnnotationsNeedUpdate(annotated('10', '20'), 10, 20), false);
});

test('on rollback the Deployment keeps its controller annotations and takes the rest from the ReplicaSet', () => {
  const d = newDeployment('nginx', 1);
  d.metadata.annotations = { [REVISION_ANNOTATION]: '3', 'kubernetes.io/change-cause': 'edit', stale: 'x' };
  const target = rs('nginx-1', 0);
  target.metadata.annotations = { [REVISION_ANNOTATION]: '1', 'kubernetes.io/change-cause': 'create', [DESIRED_REPLICAS_ANNOTATION]: '1' };
  assert.deepEqual(deploymentAnnotationsFrom(d, target), { [REVISION_ANNOTATION]: '3', 'kubernetes.io/change-cause': 'create' });
});
