import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Expectations } from '@wheelhouse/controller-runtime';
import { runSlowStart, slowStartBatches, slowStartCreate } from './slow-start-batch.js';

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

/** A bulk create that is all or nothing and fails once more than `podLimit` pods would exist. */
const bulkCreate = (podLimit: number) => {
  const calls: number[] = [];
  let made = 0;
  const create = async (size: number) => {
    calls.push(size);
    if (made + size > podLimit) throw new Error('fake error');
    const names = Array.from({ length: size }, (_, i) => `pod-${made + i}`);
    made += size;
    return names;
  };
  return { calls, create };
};

// Kubernetes' TestSlowStartBatch, with one all-or-nothing call per batch instead of one per pod.
for (const [name, count, podLimit, created, calls, fails] of [
  ['podLimit = 0 (all fail)', 10, 0, 0, [1], true],
  ['podLimit = count (all succeed)', 10, 10, 10, [1, 2, 4, 3], false],
  ['podLimit < count (some succeed)', 10, 5, 3, [1, 2, 4], true], // the batch of 4 would make 7
  ['500 pods in 9 calls', 500, 500, 500, [1, 2, 4, 8, 16, 32, 64, 128, 245], false],
] as const) {
  test(`TestSlowStartBatch (bulk): ${name}`, async () => {
    const fake = bulkCreate(podLimit);
    const result = await runSlowStart(slowStartBatches(count), fake.create);
    assert.equal(result.created.flat().length, created);
    assert.equal(result.notCreated, count - created);
    assert.deepEqual(fake.calls, calls);
    assert.equal(result.calls, calls.length);
    assert.equal(result.error !== undefined, fails);
  });
}

test('runSlowStart: the batches of successful calls are reported in order', async () => {
  const result = await runSlowStart(slowStartBatches(7), bulkCreate(7).create);
  assert.deepEqual(result.created, [['pod-0'], ['pod-1', 'pod-2'], ['pod-3', 'pod-4', 'pod-5', 'pod-6']]);
});

test('runSlowStart: a call that creates fewer than asked counts the rest as failed and stops', async () => {
  const calls: number[] = [];
  const result = await runSlowStart(slowStartBatches(10), async (size) => {
    calls.push(size);
    return size === 4 ? ['a', 'b'] : Array.from({ length: size }, () => 'x');
  });
  assert.deepEqual(calls, [1, 2, 4]);
  assert.equal(result.created.flat().length, 5);
  assert.equal(result.notCreated, 5);
  assert.ok(result.error instanceof Error);
});

test('runSlowStart: nothing to create makes no call', async () => {
  const fake = bulkCreate(10);
  assert.deepEqual(await runSlowStart([], fake.create), { created: [], notCreated: 0, calls: 0 });
  assert.deepEqual(fake.calls, []);
});

test('slowStartCreate: all creations are expected before the first call', async () => {
  const expectations = new Expectations();
  const pendingAtCalls: (number | undefined)[] = [];
  await slowStartCreate(expectations, 'ns/rs', slowStartBatches(7), async (size) => {
    pendingAtCalls.push(expectations.pending('ns/rs')?.creations);
    return Array.from({ length: size }, () => 'p');
  });
  assert.deepEqual(pendingAtCalls, [7, 7, 7]); // nothing observed by the informer yet
  assert.equal(expectations.pending('ns/rs')?.creations, 7);
  assert.equal(expectations.satisfied('ns/rs'), false);
});

test('slowStartCreate: a failed batch lowers the expectations by every pod not created (failed and skipped batches)', async () => {
  const expectations = new Expectations();
  const result = await slowStartCreate(expectations, 'ns/rs', slowStartBatches(10), bulkCreate(5).create);
  assert.equal(result.created.flat().length, 3);
  // Only the 3 created pods remain expected; once the informer sees them the key is satisfied.
  assert.equal(expectations.pending('ns/rs')?.creations, 3);
  for (let i = 0; i < 3; i++) expectations.creationObserved('ns/rs');
  assert.equal(expectations.satisfied('ns/rs'), true);
});

test('slowStartCreate: a first batch failing leaves nothing expected', async () => {
  const expectations = new Expectations();
  const result = await slowStartCreate(expectations, 'ns/rs', slowStartBatches(500), bulkCreate(0).create);
  assert.equal(result.calls, 1);
  assert.equal(result.notCreated, 500);
  assert.equal(expectations.satisfied('ns/rs'), true);
});
