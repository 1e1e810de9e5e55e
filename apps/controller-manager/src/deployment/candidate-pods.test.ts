import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Indexer } from '@wheelhouse/controller-runtime';
import type { Pod, ReplicaSet } from '@wheelhouse/model';
import { candidatePods } from './candidate-pods.js';
import { newDeployment, rs } from './fixtures.js';

const controlledBy = (replicaSet: ReplicaSet, uid: string | undefined): ReplicaSet =>
  uid ? { ...replicaSet, metadata: { ...replicaSet.metadata, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid, controller: true }] } } : replicaSet;
const podOf = (name: string, owner: ReplicaSet, namespace = 'default'): Pod => ({
  metadata: {
    name,
    namespace,
    uid: `pod-${name}`,
    labels: { foo: 'bar' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true }],
  },
});

test('candidatePods (Deployment): pods of the ReplicaSets it controls or could adopt, not of other owners or namespaces', () => {
  const d = newDeployment('web', 3);
  const ours = controlledBy(rs('ours', 1), d.metadata.uid);
  const orphan = rs('orphan', 1);
  const theirs = controlledBy(rs('theirs', 1), 'someone-else');
  const elsewhere = { ...controlledBy(rs('elsewhere', 1), d.metadata.uid), metadata: { ...controlledBy(rs('elsewhere', 1), d.metadata.uid).metadata, namespace: 'other' } };
  const indexer = new Indexer<Pod & { metadata: { name: string } }>();
  for (const p of [podOf('a', ours), podOf('b', ours), podOf('c', orphan), podOf('d', theirs), podOf('e', elsewhere, 'other')]) indexer.upsert(p as never);
  const names = candidatePods(indexer as never, d, [ours, orphan, theirs, elsewhere])
    .map((p) => (p as Pod).metadata.name)
    .sort();
  assert.deepEqual(names, ['a', 'b', 'c']);
});
