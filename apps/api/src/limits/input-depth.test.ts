import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertDepth } from './input-depth.js';

const nested = (depth: number) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

test('values up to the limit pass; deeper ones are BAD_USER_INPUT on the field, even 100,000 deep', () => {
  assert.doesNotThrow(() => assertDepth(nested(100), 100, 'patch'));
  for (const depth of [101, 100_000]) {
    assert.throws(
      () => assertDepth(nested(depth), 100, 'patch'),
      (e: { code?: string; field?: string; message: string }) => e.code === 'BAD_USER_INPUT' && e.field === 'patch' && /nested more than 100 levels deep/.test(e.message),
    );
  }
});
