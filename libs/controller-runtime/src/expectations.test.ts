import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Expectations, EXPECTATIONS_TTL_MS } from './expectations.js';
import { FakeClock } from './testing/fake-clock.js';

test('no expectations: satisfied', () => {
  assert.equal(new Expectations(new FakeClock()).satisfied('ns/rs'), true);
});

test('creations: satisfied only once every one was observed', () => {
  const e = new Expectations(new FakeClock());
  e.expectCreations('ns/rs', 2);
  assert.equal(e.satisfied('ns/rs'), false);
  e.creationObserved('ns/rs');
  assert.equal(e.satisfied('ns/rs'), false);
  e.creationObserved('ns/rs');
  assert.equal(e.satisfied('ns/rs'), true);
  e.creationObserved('ns/rs'); // a late extra event does not go negative
  e.expectCreations('ns/rs', 1);
  assert.equal(e.satisfied('ns/rs'), false);
});

test('deletions are tracked by uid: an unrelated deletion does not count', () => {
  const e = new Expectations(new FakeClock());
  e.expectDeletions('ns/rs', ['u1', 'u2']);
  e.deletionObserved('ns/rs', 'other');
  e.deletionObserved('ns/rs', 'u1');
  e.deletionObserved('ns/rs', 'u1');
  assert.equal(e.satisfied('ns/rs'), false);
  assert.deepEqual(e.pending('ns/rs'), { creations: 0, deletions: ['u2'] });
  e.deletionObserved('ns/rs', 'u2');
  assert.equal(e.satisfied('ns/rs'), true);
});

test('keys are independent; delete() forgets a key', () => {
  const e = new Expectations(new FakeClock());
  e.expectCreations('a', 1);
  assert.equal(e.satisfied('b'), true);
  e.delete('a');
  assert.equal(e.satisfied('a'), true);
});

test('expectations expire after the 5 minute TTL so a lost event cannot stall a controller', async () => {
  const clock = new FakeClock();
  const e = new Expectations(clock);
  e.expectCreations('a', 3);
  await clock.advance(EXPECTATIONS_TTL_MS);
  assert.equal(e.satisfied('a'), false);
  await clock.advance(1);
  assert.equal(e.satisfied('a'), true);
  e.expectCreations('a', 1); // setting again restarts the clock
  assert.equal(e.satisfied('a'), false);
});
