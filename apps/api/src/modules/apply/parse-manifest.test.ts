import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifest } from './parse-manifest.js';

test('multi-document YAML skips empty documents and expands kind: List', () => {
  const docs = parseManifest(
    '---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Pod, metadata: {name: b}}\n- {apiVersion: v1, kind: Pod, metadata: {name: c}}\n',
  );
  assert.deepEqual(
    docs.map((d) => [d.index, (d.object.metadata as { name: string }).name]),
    [
      [0, 'a'],
      [1, 'b'],
      [2, 'c'],
    ],
  );
});

test('JSON is YAML', () => {
  assert.equal(parseManifest('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"j"}}').length, 1);
});

test('syntax errors and non-objects are BAD_USER_INPUT naming the document', () => {
  assert.throws(() => parseManifest('a: [1, 2'), { code: 'BAD_USER_INPUT', field: 'manifest' });
  assert.throws(() => parseManifest('apiVersion: v1\n---\n- 1\n- 2'), { code: 'BAD_USER_INPUT', message: /document 1/ });
});
