import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergePatchOf, overwriteConflict, parseLabelArgs } from './labels.js';

test('k=v sets, k- removes, as a merge patch', () => {
  const c = parseLabelArgs(['a=1', 'b-', 'c=']);
  assert.deepEqual(c, { set: { a: '1', c: '' }, remove: ['b'] });
  assert.deepEqual(mergePatchOf(c), { b: null, a: '1', c: '' });
  assert.throws(() => parseLabelArgs(['nope']), /KEY=VALUE/);
});

test('changing a value needs --overwrite; the same value does not', () => {
  assert.match(overwriteConflict({ a: '0' }, parseLabelArgs(['a=1']))!, /already has a value \(0\)/);
  assert.equal(overwriteConflict({ a: '1' }, parseLabelArgs(['a=1'])), undefined);
});
