import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numFeasibleNodesToFind } from './nodes-to-find.js';

test('numFeasibleNodesToFind: all below 100 nodes, adaptive 50 - n/125 percent (min 5%), never under 100', () => {
  assert.equal(numFeasibleNodesToFind(5), 5);
  assert.equal(numFeasibleNodesToFind(99), 99);
  assert.equal(numFeasibleNodesToFind(100), 100, '50% of 100 is under the floor of 100');
  assert.equal(numFeasibleNodesToFind(500), 230, '46% of 500');
  assert.equal(numFeasibleNodesToFind(1000), 420, '42% of 1000');
  assert.equal(numFeasibleNodesToFind(5000), 500, '10% of 5000');
  assert.equal(numFeasibleNodesToFind(6000), 300, '50 - 48 = 2%, raised to 5%');
});

test('numFeasibleNodesToFind: an explicit percentage, floored at 100 nodes; 100% means all', () => {
  assert.equal(numFeasibleNodesToFind(1000, 30), 300);
  assert.equal(numFeasibleNodesToFind(1000, 5), 100);
  assert.equal(numFeasibleNodesToFind(1000, 100), 1000);
  assert.equal(numFeasibleNodesToFind(50, 10), 50);
});
