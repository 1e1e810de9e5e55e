import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LeaderElector } from './leader-election.js';
import { FakeClock } from './testing/fake-clock.js';
import { MemoryLeaseStore } from './testing/memory-lease-store.js';

/** One elector on an in-memory Lease and a fake clock: 15 s / 10 s / 2 s. */
function setup(store = new MemoryLeaseStore(), clock = new FakeClock(), identity = 'a') {
  const log: string[] = [];
  const elector = new LeaderElector(undefined, {
    name: 'l',
    identity,
    store,
    clock,
    onStartedLeading: (signal) => {
      log.push('started');
      signal.addEventListener('abort', () => log.push('aborted'));
    },
    onStoppedLeading: () => log.push('stopped'),
    onError: () => {},
  });
  return { store, clock, elector, log };
}

test('a leader that cannot renew steps down once the renew deadline has passed, before its lease expires', async () => {
  const { store, clock, elector, log } = setup();
  elector.start();
  await clock.advance(0);
  assert.equal(elector.isLeader, true);
  assert.deepEqual(log, ['started']);
  store.down = true;
  await clock.advance(8_000);
  assert.equal(elector.isLeader, true, 'still inside the 10 s renew deadline');
  await clock.advance(2_000);
  assert.equal(elector.isLeader, false);
  assert.deepEqual(log, ['started', 'aborted', 'stopped']);
  assert.ok(clock.now() - Date.parse(store.lease!.spec!.renewTime!) < 15_000, 'stepped down before others may take over');
  await elector.stop();
});

test('a follower waits for the holder’s lease to expire, then takes over', async () => {
  const clock = new FakeClock();
  const store = new MemoryLeaseStore();
  const first = setup(store, clock, 'a');
  first.elector.start();
  await clock.advance(0);
  const second = setup(store, clock, 'b');
  second.elector.start();
  await clock.advance(0);
  assert.equal(second.elector.leader, 'a');
  await first.elector.stop({ release: false }); // crashed: the Lease still names a
  await clock.advance(14_000);
  assert.equal(second.elector.isLeader, false);
  await clock.advance(6_000); // expiry at 15 s plus at most one jittered retry period (2.2 × 2 s)
  assert.equal(second.elector.isLeader, true);
  assert.equal(store.lease?.spec?.holderIdentity, 'b');
  assert.equal(store.lease?.spec?.leaseTransitions, 1);
  await second.elector.stop();
  assert.equal(store.lease?.spec?.holderIdentity, undefined, 'released on graceful stop');
});

test('a renewal that landed but whose answer was lost still lets a graceful stop release the Lease', async () => {
  const { store, clock, elector } = setup();
  elector.start();
  await clock.advance(0);
  store.loseNextUpdateResponse = true;
  await clock.advance(2_000); // the renewal lands; we never see its resourceVersion
  assert.equal(store.lease?.spec?.holderIdentity, 'a');
  await elector.stop();
  assert.equal(store.lease?.spec?.holderIdentity, undefined, 'released at the re-read resourceVersion');
});
