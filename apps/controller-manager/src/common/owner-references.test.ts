import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controllerRef, isControlledBy, newControllerRef, withOwnerReference, withoutOwnerReference } from './owner-references.js';
import type { KubeObject } from '@wheelhouse/model';

const owner: KubeObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', uid: 'u1' } };
const owned: KubeObject = {
  metadata: {
    name: 'p',
    ownerReferences: [
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'cm', uid: 'u0' },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'u1', controller: true },
    ],
  },
};

test('controllerRef finds the one reference marked controller', () => {
  assert.equal(controllerRef(owned)?.uid, 'u1');
  assert.equal(controllerRef({ metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'x', uid: 'u', controller: false }] } }), undefined);
  assert.equal(controllerRef({ metadata: {} }), undefined);
});

test('isControlledBy compares uids', () => {
  assert.equal(isControlledBy(owned, owner), true);
  assert.equal(isControlledBy(owned, { metadata: { name: 'web', uid: 'other' } }), false);
  assert.equal(isControlledBy({ metadata: {} }, owner), false);
});

test('newControllerRef blocks owner deletion and can name the kind explicitly', () => {
  assert.deepEqual(newControllerRef(owner), { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'u1', controller: true, blockOwnerDeletion: true });
  assert.deepEqual(newControllerRef({ metadata: { name: 'rc', uid: 'u2' } }, { apiVersion: 'v1', kind: 'ReplicationController' }), {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    name: 'rc',
    uid: 'u2',
    controller: true,
    blockOwnerDeletion: true,
  });
});

test('adoption adds (or replaces) the reference; release removes only ours', () => {
  const ref = newControllerRef({ ...owner, metadata: { name: 'new', uid: 'u9' } });
  assert.deepEqual(withOwnerReference({ metadata: {} }, ref), [ref]);
  assert.equal(withOwnerReference(owned, ref).length, 3);
  assert.deepEqual(
    withoutOwnerReference(owned, 'u1').map((r) => r.uid),
    ['u0'],
  );
});
