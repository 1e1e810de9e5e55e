import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WheelhouseError } from '@wheelhouse/client';
import { StatusWriter, type StatusItem } from './status-writer.js';

function writer(send: (items: StatusItem[]) => Promise<void>, batchMax = 100) {
  return new StatusWriter({ send, batchMs: 5, batchMax, maxInFlight: 2, log: () => {} });
}

test('many pods go out in few calls, only the latest status of each', async () => {
  const calls: StatusItem[][] = [];
  const w = writer(async (items) => void calls.push(items), 50);
  for (let i = 0; i < 120; i++) w.set(`ns/p${i}`, 'ns', `p${i}`, { phase: 'Pending' });
  for (let i = 0; i < 120; i++) w.set(`ns/p${i}`, 'ns', `p${i}`, { phase: 'Running' });
  await w.flushed('ns/p119');
  await w.flushed('ns/p0');
  assert.equal(calls.flat().length, 120);
  assert.ok(calls.length <= 3, `${calls.length} calls`);
  assert.ok(calls.flat().every((i) => i.patch.status.phase === 'Running'));
});

test('nothing is sent when the API already has it or it was sent before', async () => {
  const calls: StatusItem[][] = [];
  const w = writer(async (items) => void calls.push(items));
  w.set('ns/a', 'ns', 'a', { phase: 'Running' }, { phase: 'Running', qosClass: 'BestEffort' });
  w.set('ns/b', 'ns', 'b', { phase: 'Running' });
  await w.flushed('ns/b');
  w.set('ns/b', 'ns', 'b', { phase: 'Running' });
  await w.flushed('ns/b');
  assert.deepEqual(
    calls.map((c) => c.map((i) => i.name)),
    [['b']],
  );
});

test('a pod deleted meanwhile does not sink the rest of its batch', async () => {
  const written: string[] = [];
  const w = writer(async (items) => {
    if (items.some((i) => i.name === 'gone')) throw new WheelhouseError('NOT_FOUND', 'pods "gone" not found');
    written.push(...items.map((i) => i.name));
  });
  for (const name of ['a', 'gone', 'b']) w.set(`ns/${name}`, 'ns', name, { phase: 'Running' });
  await Promise.all(['a', 'gone', 'b'].map((n) => w.flushed(`ns/${n}`)));
  assert.deepEqual(written.sort(), ['a', 'b']);
});

test('a transient failure is retried', async () => {
  let attempts = 0;
  const w = writer(async () => {
    if (attempts++ === 0) throw new WheelhouseError('UNAVAILABLE', 'connection refused');
  });
  w.set('ns/a', 'ns', 'a', { phase: 'Running' });
  await w.flushed('ns/a');
  await new Promise((r) => setTimeout(r, 1100));
  await w.flushed('ns/a');
  assert.equal(attempts, 2);
  w.stop();
});

test("a new pod's Pending report waits for its Running one: one write instead of two", async () => {
  const calls: StatusItem[][] = [];
  const w = new StatusWriter({ send: async (items) => void calls.push(items), batchMs: 5, batchMax: 100, maxInFlight: 2, firstPendingDelayMs: 200, log: () => {} });
  w.set('ns/a', 'ns', 'a', { phase: 'Pending' });
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(calls.length, 0, 'held');
  w.set('ns/a', 'ns', 'a', { phase: 'Running' });
  await w.flushed('ns/a');
  assert.deepEqual(
    calls.map((c) => c.map((i) => i.patch.status.phase)),
    [['Running']],
  );
  w.set('ns/b', 'ns', 'b', { phase: 'Pending' });
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(
    calls.at(-1)!.map((i) => i.patch.status.phase),
    ['Pending'],
    'sent once the hold is over',
  );
});

test('drain sends what is pending, held reports included', async () => {
  const calls: StatusItem[][] = [];
  const w = new StatusWriter({ send: async (items) => void calls.push(items), batchMs: 1000, batchMax: 100, maxInFlight: 2, firstPendingDelayMs: 10_000, log: () => {} });
  w.set('u1', 'ns', 'a', { phase: 'Pending' });
  w.set('u2', 'ns', 'b', { phase: 'Running' });
  await w.drain(2000);
  assert.deepEqual(
    calls
      .flat()
      .map((i) => i.name)
      .sort(),
    ['a', 'b'],
  );
});
