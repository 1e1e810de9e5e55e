import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../object.js';
import { ownedReplicaSets, revisionOf, rollbackSource, templateForDeployment } from './revision.js';

const rs = (name: string, revision: string | undefined, owner = 'd-uid'): KubeObject => ({
  metadata: {
    name,
    annotations: revision ? { 'deployment.kubernetes.io/revision': revision } : {},
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'd', uid: owner, controller: true }],
  },
  spec: { template: { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' } }, spec: { containers: [] } } },
});

test('revisions and ownership', () => {
  assert.equal(revisionOf(rs('a', '3')), 3);
  assert.equal(revisionOf(rs('a', 'x')), 0);
  const d = { metadata: { uid: 'd-uid' } } as KubeObject;
  assert.deepEqual(
    ownedReplicaSets(d, [rs('c', '3'), rs('other', '9', 'x'), rs('a', '1')]).map((r) => r.metadata.name),
    ['a', 'c'],
  );
});

test('rollback: 0 is the previous revision, otherwise the named one', () => {
  const all = [rs('r1', '1'), rs('r3', '3'), rs('r2', '2')];
  assert.equal(rollbackSource(all, 0)?.metadata.name, 'r2');
  assert.equal(rollbackSource(all, 1)?.metadata.name, 'r1');
  assert.equal(rollbackSource(all, 7), undefined);
  assert.equal(rollbackSource([rs('only', '1')], 0), undefined);
});

test('the template loses the pod-template-hash label', () => {
  assert.deepEqual((templateForDeployment(rs('a', '1')).metadata as { labels: object }).labels, { app: 'web' });
});
