import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideDependent, decideOwnerDeletion, type GcObject, type OwnerRef } from './decide.js';

const ref = (uid: string, block = true): OwnerRef => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid, controller: true, blockOwnerDeletion: block });
const obj = (uid: string, owners: OwnerRef[] = [], extra: Partial<GcObject> = {}): GcObject => ({
  kind: 'Pod',
  namespace: 'd',
  name: uid,
  uid,
  ownerReferences: owners,
  finalizers: [],
  ...extra,
});

describe('decideDependent', () => {
  const cases: [string, GcObject, Record<string, 'absent' | 'present' | 'deletingForeground'>, string[]][] = [
    ['no owners: nothing', obj('p'), {}, []],
    ['owner present: nothing', obj('p', [ref('rs')]), { rs: 'present' }, []],
    ['owner gone: delete in the background', obj('p', [ref('rs')]), { rs: 'absent' }, ['delete:Background']],
    ['one of two owners gone: drop the dangling reference', obj('p', [ref('a'), ref('b')]), { a: 'absent', b: 'present' }, ['removeOwnerReferences:a']],
    ['owner deleting in the foreground, others gone: delete in the foreground', obj('p', [ref('a'), ref('b')]), { a: 'deletingForeground', b: 'absent' }, ['delete:Foreground']],
    ['already being deleted: nothing', obj('p', [ref('rs')], { deletionTimestamp: 'x' }), { rs: 'absent' }, []],
  ];
  for (const [name, object, states, expected] of cases) {
    test(name, () => {
      const actions = decideDependent(object, (uid) => states[uid] ?? 'absent');
      assert.deepEqual(
        actions.map((a) =>
          a.type === 'delete' ? `delete:${a.propagationPolicy}` : a.type === 'removeOwnerReferences' ? `removeOwnerReferences:${a.ownerUids.join(',')}` : a.type,
        ),
        expected,
      );
    });
  }
});

describe('decideOwnerDeletion', () => {
  const deleting = (finalizers: string[]) => obj('rs', [], { kind: 'ReplicaSet', finalizers, deletionTimestamp: '2026-01-01T00:00:00Z' });

  test('orphan: free the dependents, then drop the finalizer', () => {
    const actions = decideOwnerDeletion(deleting(['orphan']), [obj('p1', [ref('rs')]), obj('p2', [ref('rs')])]);
    assert.deepEqual(
      actions.map((a) => a.type),
      ['removeOwnerReferences', 'removeOwnerReferences'],
    );
    assert.deepEqual(decideOwnerDeletion(deleting(['orphan']), []), [{ type: 'removeFinalizer', target: deleting(['orphan']), finalizer: 'orphan' }]);
  });

  test('foreground: delete the dependents, wait for blocking ones, then drop the finalizer', () => {
    const actions = decideOwnerDeletion(deleting(['foregroundDeletion']), [obj('p1', [ref('rs')]), obj('p2', [ref('rs')], { deletionTimestamp: 'x' })]);
    assert.deepEqual(
      actions.map((a) => (a.type === 'delete' ? a.target.uid : a.type)),
      ['p1'],
    );
    assert.deepEqual(decideOwnerDeletion(deleting(['foregroundDeletion']), [obj('p2', [ref('rs')], { deletionTimestamp: 'x' })]), [{ type: 'wait' }]);
    assert.equal(
      decideOwnerDeletion(deleting(['foregroundDeletion']), [obj('p3', [ref('rs', false)])])[0]!.type,
      'removeFinalizer',
      'non-blocking dependents do not hold the owner',
    );
  });

  test('not being deleted, or no collector finalizer: nothing', () => {
    assert.deepEqual(decideOwnerDeletion(obj('rs', [], { finalizers: ['orphan'] }), [obj('p', [ref('rs')])]), []);
    assert.deepEqual(decideOwnerDeletion(deleting(['example.com/x']), [obj('p', [ref('rs')])]), []);
  });
});
