import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asDocument, type KubeObj, stripNulls, toManifest } from './object.js';

test('nulls go, falsy values stay; apiVersion and kind come first', () => {
  assert.deepEqual(stripNulls({ a: null, b: 0, c: [{ d: null, e: false }], f: '' }), { b: 0, c: [{ e: false }], f: '' });
  // As GraphQL answers it: unset fields are null.
  const m = toManifest({ metadata: { name: 'x', uid: null, finalizers: [], annotations: {} }, spec: { a: 1, b: {} } } as unknown as KubeObj, 'v1', 'Pod');
  assert.deepEqual(m.spec, { a: 1, b: {} });
  assert.deepEqual(Object.keys(m), ['apiVersion', 'kind', 'metadata', 'spec']);
  assert.deepEqual(m.metadata, { name: 'x' });
});

test('a listing is a v1 List even with one item', () => {
  assert.deepEqual(asDocument([{ a: 1 }], true), { a: 1 });
  assert.equal((asDocument([{ a: 1 }], false) as { kind: string }).kind, 'List');
});
