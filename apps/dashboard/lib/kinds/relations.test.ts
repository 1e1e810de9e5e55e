import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compact, controllerOf, ownedBy, selectorQuery } from './relations.ts';

const o = (name: string, owners: { uid: string; controller?: boolean; kind?: string }[] = []) => ({ metadata: { name, ownerReferences: owners } });

test('children are found by their owner uids', () => {
  const pods = [o('a', [{ uid: 'rs1' }]), o('b', [{ uid: 'rs2' }]), o('c')];
  assert.deepEqual(
    ownedBy(pods, new Set(['rs1', 'rs2'])).map((p) => p.metadata.name),
    ['a', 'b'],
  );
});

test('the controller owner wins over other owners', () => {
  assert.equal(
    controllerOf(
      o('x', [
        { uid: 'a', kind: 'Foo' },
        { uid: 'b', kind: 'ReplicaSet', controller: true },
      ]),
    )?.uid,
    'b',
  );
  assert.equal(controllerOf(o('y')), undefined);
});

test('selectors become API label selectors', () => {
  assert.equal(selectorQuery({ matchLabels: { app: 'web' } }), 'app=web');
  assert.equal(selectorQuery({}), undefined);
  assert.equal(selectorQuery(null), undefined);
});

test('compact keeps only values worth showing', () => {
  assert.deepEqual(compact({ a: null, b: '', c: [], d: { e: null }, f: 0, g: false, h: [{ i: null }, { j: 'x' }] }), { f: 0, g: false, h: [{ j: 'x' }] });
  assert.equal(compact({ a: null }), undefined);
});
