import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIndexes, parseIndexes } from './indexes.js';

test('compressed index lists (Kubernetes orderedIntervals)', () => {
  assert.deepEqual(parseIndexes('', 5), []);
  assert.deepEqual(parseIndexes('0,2-4', 5), [0, 2, 3, 4]);
  assert.throws(() => parseIndexes('3-1', 5), /must be less than or equal/);
  assert.throws(() => parseIndexes('2,1', 5), /sorted/);
  assert.throws(() => parseIndexes('5', 5), /too large index/);
  assert.throws(() => parseIndexes('a', 5), /error parsing interval/);
  assert.equal(formatIndexes([4, 0, 1, 2, 7, 8]), '0-2,4,7-8');
  assert.equal(formatIndexes([]), '');
});
