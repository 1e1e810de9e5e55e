import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import { BucketRateLimiter } from './bucket-rate-limiter.js';
import { ItemExponentialRateLimiter } from './item-exponential-rate-limiter.js';
import { controllerMetrics } from './metrics.js';
import { defaultControllerRateLimiter } from './default-rate-limiter.js';
import { FakeClock } from './testing/fake-clock.js';
import { WorkQueue } from './work-queue.js';

/** A queue on a fake clock whose limiter is per-key backoff only, unless given one. */
function setup(options: { rateLimiter?: ItemExponentialRateLimiter } = {}) {
  const clock = new FakeClock();
  const queue = new WorkQueue({ clock, rateLimiter: options.rateLimiter ?? new ItemExponentialRateLimiter(5, 1_000_000) });
  return { clock, queue };
}

/** The key get() hands out if one is ready now, else undefined (without leaving a waiter behind). */
async function tryGet(queue: WorkQueue): Promise<string | undefined> {
  if (queue.length === 0) return undefined;
  return queue.get();
}

test('a key added many times is queued once, in first-add order', async () => {
  const { queue } = setup();
  queue.add('a');
  queue.add('b');
  queue.add('a');
  assert.equal(queue.length, 2);
  assert.equal(await queue.get(), 'a');
  assert.equal(await queue.get(), 'b');
  assert.equal(queue.length, 0);
});

test('a key re-added while processing is handed out again only after done()', async () => {
  const { queue } = setup();
  queue.add('a');
  const key = await queue.get();
  queue.add('a');
  queue.add('a');
  assert.equal(queue.length, 0, 'not handed to a second worker while the first holds it');
  let second: string | undefined;
  void queue.get().then((k) => (second = k));
  await new Promise((r) => setImmediate(r));
  assert.equal(second, undefined);
  queue.done(key!);
  await new Promise((r) => setImmediate(r));
  assert.equal(second, 'a', 'processed once more after done');
  queue.done('a');
  assert.equal(queue.length, 0);
});

test('a waiting get() receives the next added key', async () => {
  const { queue } = setup();
  const next = queue.get();
  queue.add('x');
  assert.equal(await next, 'x');
});

test('addAfter delays a key; a second addAfter keeps the earlier time', async () => {
  const { clock, queue } = setup();
  queue.addAfter('a', 100);
  queue.addAfter('a', 500);
  queue.addAfter('b', 300);
  queue.addAfter('b', 50);
  await clock.advance(49);
  assert.equal(queue.length, 0);
  await clock.advance(1);
  assert.equal(await tryGet(queue), 'b');
  await clock.advance(50);
  assert.equal(await tryGet(queue), 'a');
  await clock.advance(1000);
  assert.equal(queue.length, 0, 'the later duplicates were dropped');
});

test('addRateLimited backs off per key: 5 ms doubling, capped; forget resets', async () => {
  const { clock, queue } = setup({ rateLimiter: new ItemExponentialRateLimiter(5, 40) });
  const delays: number[] = [];
  for (let i = 0; i < 6; i++) {
    const start = clock.now();
    queue.addRateLimited('k');
    while (queue.length === 0) await clock.advance(1);
    delays.push(clock.now() - start);
    queue.done((await queue.get())!);
  }
  assert.deepEqual(delays, [5, 10, 20, 40, 40, 40]);
  assert.equal(queue.numRequeues('k'), 6);
  queue.forget('k');
  assert.equal(queue.numRequeues('k'), 0);
  queue.addRateLimited('k');
  await clock.advance(5);
  assert.equal(queue.length, 1);
});

test('the exponential limiter reaches client-go’s 1000 s ceiling', () => {
  const limiter = new ItemExponentialRateLimiter();
  const delays = Array.from({ length: 30 }, () => limiter.when('k'));
  assert.equal(delays[0], 5);
  assert.equal(delays[1], 10);
  assert.equal(delays[17], 5 * 2 ** 17);
  assert.equal(delays[29], 1_000_000);
  assert.equal(limiter.when('other'), 5, 'keys back off independently');
});

test('the token bucket allows a burst, then spaces retries at qps', async () => {
  const clock = new FakeClock();
  const bucket = new BucketRateLimiter(clock, 10, 100);
  const burst = Array.from({ length: 100 }, (_, i) => bucket.when(`k${i}`));
  assert.ok(burst.every((d) => d === 0));
  assert.equal(Math.round(bucket.when('x')), 100);
  assert.equal(Math.round(bucket.when('y')), 200, 'reservations queue up behind each other');
  await clock.advance(1000);
  // 10 tokens came back, 2 were already promised: 8 free, then waits again.
  const after = Array.from({ length: 9 }, (_, i) => Math.round(bucket.when(`z${i}`)));
  assert.deepEqual(after, [0, 0, 0, 0, 0, 0, 0, 0, 100]);
});

test('the default limiter is the larger of per-key backoff and the overall bucket', () => {
  const clock = new FakeClock();
  const limiter = defaultControllerRateLimiter(clock, { qps: 1, burst: 2 });
  assert.equal(limiter.when('a'), 5);
  assert.equal(limiter.when('a'), 10);
  assert.equal(limiter.when('b'), 1000, 'bucket empty: a new key waits for a token');
  assert.equal(limiter.numRequeues('a'), 2);
});

test('shutDown drains: queued keys are still handed out, then get() ends', async () => {
  const { clock, queue } = setup();
  queue.add('a');
  queue.add('b');
  queue.addAfter('late', 10);
  const first = (await queue.get())!;
  let drained = false;
  const shutdown = queue.shutDown().then(() => (drained = true));
  queue.add('c');
  assert.equal(await queue.get(), 'b');
  queue.done(first);
  queue.done('b');
  await shutdown;
  assert.ok(drained);
  await clock.advance(100);
  assert.equal(await queue.get(), undefined, 'c was refused and late dropped');
});

test('shutDown without drain drops queued keys and waits only for in-flight ones', async () => {
  const { queue } = setup();
  queue.add('a');
  queue.add('b');
  const key = (await queue.get())!;
  let drained = false;
  const shutdown = queue.shutDown({ drain: false }).then(() => (drained = true));
  assert.equal(await queue.get(), undefined);
  await new Promise((r) => setImmediate(r));
  assert.equal(drained, false, 'a is still being processed');
  queue.done(key);
  await shutdown;
});

test('the depth gauge follows the queue', async () => {
  const registry = new Registry();
  const metrics = controllerMetrics(registry);
  const queue = new WorkQueue({ name: 'pods', clock: new FakeClock(), metrics });
  queue.add('a');
  queue.add('b');
  const depth = async () => (await registry.getSingleMetric('wheelhouse_workqueue_depth')!.get()).values.find((v) => v.labels.name === 'pods')?.value;
  assert.equal(await depth(), 2);
  await queue.get();
  assert.equal(await depth(), 1);
  assert.equal(controllerMetrics(registry), metrics, 'one set of metrics per registry');
});
