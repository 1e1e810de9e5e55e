import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageSize } from './page-size.js';

test('absent limit lists everything; a large one is capped to the maximum page', () => {
  assert.equal(pageSize(undefined, 500), undefined);
  assert.equal(pageSize(null, 500), undefined);
  assert.equal(pageSize(1, 500), 1);
  assert.equal(pageSize(500, 500), 500);
  assert.equal(pageSize(2 ** 31 - 1, 500), 500);
});

test('zero and negative limits are BAD_USER_INPUT on the field limit', () => {
  for (const limit of [0, -1, -(2 ** 31)]) {
    assert.throws(
      () => pageSize(limit, 500),
      (e: { code?: string; field?: string; message: string }) => e.code === 'BAD_USER_INPUT' && e.field === 'limit' && /must be greater than 0/.test(e.message),
    );
  }
});
