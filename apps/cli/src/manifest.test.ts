import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseObjects } from './manifest.js';

test('documents, empty ones skipped, Lists expanded, JSON accepted', () => {
  const text = 'kind: Pod\nmetadata: {name: a}\n---\n---\n{"kind":"List","items":[{"kind":"Pod","metadata":{"name":"b"}}]}\n';
  assert.deepEqual(
    parseObjects(text).map((o) => o.metadata?.name),
    ['a', 'b'],
  );
  assert.throws(() => parseObjects('- a\n- b\n'), /not an object/);
});
