import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, ReplicaSet } from '@wheelhouse/model';
import { podsToDelete, ranksByRelatedPodsOnSameNode, relatedPodsOf } from './pods-to-delete.js';

const now = new Date('2024-01-01T12:00:00Z');
const pod = (name: string, node: string, labels: Record<string, string> = { app: 'web' }, phase = 'Running'): Pod => ({
  metadata: { name, uid: name, namespace: 'default', labels },
  spec: { nodeName: node },
  status: { phase, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }] },
});
const replicaSet = (name: string, ownerUid: string | undefined, selector: Record<string, string>): ReplicaSet => ({
  metadata: { name, uid: name, namespace: 'default', ownerReferences: ownerUid ? [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: ownerUid, controller: true }] : [] },
  spec: { selector: { matchLabels: selector } },
});

test('ranks count active related pods on each pod’s node', () => {
  const related = [pod('a', 'n1'), pod('b', 'n1'), pod('c', 'n2'), pod('done', 'n2', {}, 'Succeeded')];
  assert.deepEqual(ranksByRelatedPodsOnSameNode([pod('x', 'n1'), pod('y', 'n2'), pod('z', 'n3')], related), [2, 1, 0]);
});

test('related pods are those selected by ReplicaSets sharing our controller', () => {
  const ours = replicaSet('web-v2', 'dep', { app: 'web', v: '2' });
  const sibling = replicaSet('web-v1', 'dep', { app: 'web', v: '1' });
  const stranger = replicaSet('api', 'other', { app: 'api' });
  const pods = [pod('p2', 'n', { app: 'web', v: '2' }), pod('p1', 'n', { app: 'web', v: '1' }), pod('q', 'n', { app: 'api' })];
  assert.deepEqual(
    relatedPodsOf(ours, 'ReplicaSet', [ours, sibling, stranger], pods).map((p) => p.metadata.name),
    ['p2', 'p1'],
  );
  assert.deepEqual(relatedPodsOf(replicaSet('lonely', undefined, { app: 'web' }), 'ReplicaSet', [ours], pods), []);
});

test('podsToDelete prefers pods doubled up with siblings; everything goes unsorted when all must', () => {
  const owned = [pod('alone', 'n1'), pod('crowded', 'n2')];
  const related = [...owned, pod('sibling', 'n2')];
  assert.deepEqual(
    podsToDelete(owned, related, 1, now).map((p) => p.metadata.name),
    ['crowded'],
  );
  assert.deepEqual(
    podsToDelete(owned, related, 2, now).map((p) => p.metadata.name),
    ['alone', 'crowded'],
  );
});
