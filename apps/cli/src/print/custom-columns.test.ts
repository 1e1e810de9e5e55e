import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCustomColumns } from './custom-columns.js';

test('headers and one cell per column; lists join with commas, absent values are <none>', () => {
  const columns = parseCustomColumns('NAME:.metadata.name,IMAGES:.spec.containers[*].image,NODE:.spec.nodeName');
  assert.deepEqual(columns.headers, ['NAME', 'IMAGES', 'NODE']);
  const pod = { metadata: { name: 'web' }, spec: { containers: [{ image: 'a:1' }, { image: 'b:2' }] } };
  assert.deepEqual(columns.row(pod, 0), ['web', 'a:1,b:2', '<none>']);
});

test('a spec without a header or a path is a usage error', () => {
  assert.throws(() => parseCustomColumns(''), /no custom columns given/);
  assert.throws(() => parseCustomColumns('NAME'), /unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>/);
  assert.throws(() => parseCustomColumns('NAME:'), /unexpected custom-columns spec/);
});
