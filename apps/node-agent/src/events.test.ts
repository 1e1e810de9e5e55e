import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedEvents } from './events.js';

test('at most maxInFlight events are written at once; beyond the queue they are dropped', async () => {
  let inFlight = 0;
  let peak = 0;
  const written: string[] = [];
  const events = new BoundedEvents(
    {
      record: async (_o, _t, reason) => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        written.push(reason);
        inFlight--;
      },
    },
    2,
    5,
  );
  for (let i = 0; i < 10; i++) events.record({ kind: 'Pod', name: 'p', uid: 'u' }, 'Normal', `r${i}`, 'm');
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(peak, 2);
  assert.equal(written.length, 7, 'two in flight at once plus five queued');
  assert.equal(events.dropped, 3);
});
