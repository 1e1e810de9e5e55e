import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectorFromSet } from '@wheelhouse/selectors';
import { claimObjects } from './claim.js';
import type { KubeObject } from '@wheelhouse/model';

const controller: KubeObject = { metadata: { name: 'web', namespace: 'default', uid: 'me' } };
const selector = selectorFromSet({ app: 'web' });
const obj = (name: string, labels: Record<string, string>, ownerUid?: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  metadata: {
    name,
    namespace: 'default',
    labels,
    ownerReferences: ownerUid ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: ownerUid, controller: true }] : [],
    ...extra,
  },
});

test('claims owned matches, adopts matching orphans, releases owned mismatches, ignores the rest', () => {
  const objects = [
    obj('mine', { app: 'web' }, 'me'),
    obj('orphan', { app: 'web' }),
    obj('strayed', { app: 'api' }, 'me'),
    obj('theirs', { app: 'web' }, 'them'),
    obj('unrelated', { app: 'api' }),
  ];
  const claim = claimObjects(controller, selector, objects);
  const names = (list: KubeObject[]) => list.map((o) => o.metadata.name);
  assert.deepEqual(names(claim.claimed), ['mine', 'orphan']);
  assert.deepEqual(names(claim.adopt), ['orphan']);
  assert.deepEqual(names(claim.release), ['strayed']);
});

test('orphans being deleted or in another namespace are not adopted', () => {
  const claim = claimObjects(controller, selector, [
    obj('dying', { app: 'web' }, undefined, { deletionTimestamp: '2024-01-01T00:00:00Z' }),
    obj('elsewhere', { app: 'web' }, undefined, { namespace: 'other' }),
  ]);
  assert.deepEqual(claim, { claimed: [], adopt: [], release: [] });
});

test('a controller being deleted neither adopts nor releases, but keeps what matches', () => {
  const dying = { metadata: { ...controller.metadata, deletionTimestamp: '2024-01-01T00:00:00Z' } };
  const claim = claimObjects(dying, selector, [obj('mine', { app: 'web' }, 'me'), obj('orphan', { app: 'web' }), obj('strayed', { app: 'api' }, 'me')]);
  assert.deepEqual(
    claim.claimed.map((o) => o.metadata.name),
    ['mine'],
  );
  assert.deepEqual([claim.adopt, claim.release], [[], []]);
});

test('an extra filter narrows what counts as matching', () => {
  const claim = claimObjects(controller, selector, [obj('mine', { app: 'web' }, 'me')], () => false);
  assert.deepEqual(
    claim.release.map((o) => o.metadata.name),
    ['mine'],
  );
});
