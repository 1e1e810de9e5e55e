import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSlowStart, slowStartBatches } from './slow-start-batch.js';

for (const [count, initial, expected] of [
  [0, 1, []],
  [1, 1, [1]],
  [3, 1, [1, 2]],
  [10, 1, [1, 2, 4, 3]],
  [15, 1, [1, 2, 4, 8]],
  [500, 1, [1, 2, 4, 8, 16, 32, 64, 128, 245]],
  [10, 4, [4, 6]],
] as const) {
  test(`slowStartBatches(${count}, ${initial}) = [${expected.join(', ')}]`, () => {
    assert.deepEqual(slowStartBatches(count, initial), expected);
  });
}

// Kubernetes' TestSlowStartBatch: calls beyond `callLimit` fail.
for (const [name, count, callLimit, successes, calls, fails] of [
  ['callLimit = 0 (all fail)', 10, 0, 0, 1, true],
  ['callLimit = count (all succeed)', 10, 10, 10, 10, false],
  ['callLimit < count (some succeed)', 10, 5, 5, 7, true], // 1 + 2 + 4 (2 succeed, 2 fail)
] as const) {
  test(`TestSlowStartBatch: ${name}`, async () => {
    let callCount = 0;
    const result = await runSlowStart(slowStartBatches(count), async () => {
      callCount++;
      if (callCount > callLimit) throw new Error('fake error');
    });
    assert.equal(result.successes, successes);
    assert.equal(callCount, calls);
    assert.equal(result.error !== undefined, fails);
  });
}
