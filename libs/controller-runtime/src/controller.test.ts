import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { runController } from './controller.js';
import { ItemExponentialRateLimiter } from './item-exponential-rate-limiter.js';
import { controllerMetrics } from './metrics.js';
import type { ReconcileResult } from './reconcile-result.js';
import { FakeClock, flushMicrotasks } from './testing/fake-clock.js';
import { WorkQueue } from './work-queue.js';

/** A controller on a fake clock whose reconcile answers from `script` (key → results in turn). */
function setup(script: Record<string, (ReconcileResult | Error)[]>, workers = 1) {
  const clock = new FakeClock();
  const registry = new Registry();
  const metrics = controllerMetrics(registry);
  const queue = new WorkQueue({ name: 'test', clock, rateLimiter: new ItemExponentialRateLimiter(5, 1000), metrics });
  const calls: string[] = [];
  const errors: { key: string; terminal: boolean }[] = [];
  const handle = runController({
    name: 'test',
    queue,
    workers,
    metrics,
    onError: (key, _error, terminal) => errors.push({ key, terminal }),
    reconcile: async (key) => {
      calls.push(key);
      const next = script[key]?.shift() ?? { type: 'done' };
      if (next instanceof Error) throw next;
      return next;
    },
  });
  const total = async (result: string) => (await registry.getSingleMetric('wheelhouse_reconcile_total')!.get()).values.find((v) => v.labels.result === result)?.value ?? 0;
  return { clock, queue, handle, calls, errors, total, registry };
}

test('done forgets the key’s backoff', async () => {
  const { queue, handle, calls, total } = setup({ a: [{ type: 'error', error: new Error('x') }, { type: 'done' }] });
  queue.add('a');
  await flushMicrotasks();
  assert.equal(queue.numRequeues('a'), 1);
  queue.add('a');
  await flushMicrotasks();
  assert.deepEqual(calls, ['a', 'a']);
  assert.equal(queue.numRequeues('a'), 0);
  assert.equal(await total('done'), 1);
  await handle.stop();
});

test('requeueAfter comes back after that long, without backoff', async () => {
  const { clock, queue, handle, calls } = setup({ a: [{ type: 'requeueAfter', ms: 1000 }] });
  queue.add('a');
  await flushMicrotasks();
  await clock.advance(999);
  assert.deepEqual(calls, ['a']);
  await clock.advance(1);
  assert.deepEqual(calls, ['a', 'a']);
  assert.equal(queue.numRequeues('a'), 0);
  await handle.stop();
});

test('an error (returned or thrown) is retried with growing backoff', async () => {
  const { clock, queue, handle, calls, errors, registry } = setup({ a: [new Error('boom'), { type: 'error', error: 'again' }] });
  queue.add('a');
  await flushMicrotasks();
  await clock.advance(4);
  assert.equal(calls.length, 1);
  await clock.advance(1);
  assert.equal(calls.length, 2, 'first retry after 5 ms');
  await clock.advance(9);
  assert.equal(calls.length, 2);
  await clock.advance(1);
  assert.equal(calls.length, 3, 'second retry after 10 ms');
  assert.deepEqual(errors, [
    { key: 'a', terminal: false },
    { key: 'a', terminal: false },
  ]);
  const errorsTotal = (await registry.getSingleMetric('wheelhouse_reconcile_errors_total')!.get()).values[0]?.value;
  assert.equal(errorsTotal, 2);
  await handle.stop();
});

test('a terminal error is not retried', async () => {
  const { clock, queue, handle, calls, errors, total } = setup({ a: [{ type: 'error', error: new Error('invalid'), terminal: true }] });
  queue.add('a');
  await flushMicrotasks();
  await clock.advance(10_000);
  assert.deepEqual(calls, ['a']);
  assert.deepEqual(errors, [{ key: 'a', terminal: true }]);
  assert.equal(await total('terminal_error'), 1);
  await handle.stop();
});

test('workers run keys in parallel but never one key twice at once; stop waits for in-flight reconciles', async () => {
  const queue = new WorkQueue({ clock: new FakeClock() });
  const running = new Set<string>();
  let maxParallel = 0;
  let overlap = false;
  const release: (() => void)[] = [];
  let finished = 0;
  const handle = runController({
    name: 'parallel',
    queue,
    workers: 3,
    reconcile: async (key) => {
      if (running.has(key)) overlap = true;
      running.add(key);
      maxParallel = Math.max(maxParallel, running.size);
      await new Promise<void>((resolve) => release.push(resolve));
      running.delete(key);
      finished++;
      return { type: 'done' };
    },
  });
  queue.add('a');
  queue.add('b');
  await flushMicrotasks();
  queue.add('a'); // while a is in flight
  await flushMicrotasks();
  assert.equal(maxParallel, 2);
  let stopped = false;
  const stopping = handle.stop().then(() => (stopped = true));
  await flushMicrotasks();
  assert.equal(stopped, false, 'stop waits for a and b');
  for (const r of release.splice(0)) r();
  await stopping;
  assert.equal(finished, 2, 'the re-added a was dropped by stop, not run after it');
  assert.equal(overlap, false);
});
