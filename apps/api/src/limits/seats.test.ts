import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Seats, TooManyRequests } from './seats.js';

test('runs up to the concurrency, queues up to the queue, refuses the rest; a release seats the oldest waiter', async () => {
  const seats = new Seats({ concurrency: 2, queue: 1, queueWaitMs: 60_000 });
  const first = await seats.acquire();
  await seats.acquire();
  const queued = seats.acquire();
  assert.equal(seats.queued, 1);
  await assert.rejects(seats.acquire(), TooManyRequests);
  first();
  first(); // a second release of the same seat changes nothing
  await queued;
  assert.equal(seats.inUse, 2);
  assert.equal(seats.queued, 0);
});

test('a request that waits longer than queueWaitMs is refused and leaves the queue', async () => {
  const seats = new Seats({ concurrency: 1, queue: 5, queueWaitMs: 20 });
  await seats.acquire();
  await assert.rejects(seats.acquire(), (e: TooManyRequests) => e instanceof TooManyRequests && e.retryAfterSeconds === 1);
  assert.equal(seats.queued, 0);
});

test('a wide request takes as many seats as it is wide (capped at the concurrency) and waits its turn in order', async () => {
  const seats = new Seats({ concurrency: 4, queue: 10, queueWaitMs: 60_000 });
  const narrow = await seats.acquire(1);
  const order: string[] = [];
  const seated = (name: string) => (release: () => void) => {
    order.push(name);
    return release;
  };
  const wide = seats.acquire(50).then(seated('wide'));
  const after = seats.acquire(1).then(seated('after'));
  assert.equal(seats.inUse, 1);
  assert.equal(seats.queued, 2, 'the narrow request behind the wide one does not overtake it');
  narrow();
  (await wide)();
  (await after)();
  assert.deepEqual(order, ['wide', 'after']);
  assert.equal(seats.inUse, 0);
});
