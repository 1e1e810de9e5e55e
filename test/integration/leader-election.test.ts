import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiLeaseStore, LeaderElector } from '@wheelhouse/controller-runtime';
import { delay, waitFor } from '@wheelhouse/controller-runtime/testing/wait';
import { startRealApi, type RealApi } from '../support/real-api.js';

let api: RealApi;
before(async () => {
  api = await startRealApi();
});
after(async () => api?.close());

/**
 * Two candidates for one Lease with short timings (by default 2 s / 1.5 s / 0.3 s),
 * watching that they never lead together.
 */
function candidates(lease: string, leaseDurationSeconds = 2) {
  const leading = new Set<string>();
  const violations: string[] = [];
  const make = (identity: string) =>
    new LeaderElector(api.client(), {
      namespace: 'kube-system',
      name: lease,
      identity,
      leaseDurationSeconds,
      renewDeadlineMs: 1500,
      retryPeriodMs: 300,
      onError: (error) => violations.push(`${identity} error: ${String(error)}`),
      onStartedLeading: (signal) => {
        if (leading.size > 0) violations.push(`${identity} started while ${[...leading]} led`);
        leading.add(identity);
        signal.addEventListener('abort', () => leading.delete(identity));
      },
    });
  const electors = { a: make('a'), b: make('b') };
  const leader = () => (electors.a.isLeader ? 'a' : electors.b.isLeader ? 'b' : undefined);
  return { electors, leading, violations, leader };
}

test('two electors on one Lease: exactly one leads, and keeps leading while it renews', async (t) => {
  const { electors, leading, violations, leader } = candidates('one-leader');
  t.after(() => Promise.all([electors.a.stop(), electors.b.stop()]));
  electors.a.start();
  electors.b.start();
  await waitFor('a leader', () => leader() !== undefined);
  const first = leader();
  await delay(1200); // four renewals
  assert.equal(leader(), first);
  assert.equal(leading.size, 1);
  assert.equal(electors.a.isLeader && electors.b.isLeader, false);
  assert.deepEqual(violations, []);
  const lease = await new ApiLeaseStore(api.client(), 'kube-system', 'one-leader').get();
  assert.equal(lease?.spec?.holderIdentity, first);
  assert.equal(electors.a.leader, first, 'both know who leads');
  assert.equal(electors.b.leader, first);
});

test('a leader that stops gracefully releases the Lease: the other leads long before it would have expired', async (t) => {
  // A 10-minute Lease: b can only lead within the hang guard below because a released it.
  const { electors, violations, leader } = candidates('graceful', 600);
  t.after(() => Promise.all([electors.a.stop(), electors.b.stop()]));
  electors.a.start();
  await waitFor('a to lead', () => electors.a.isLeader);
  electors.b.start();
  await waitFor('b to see a lead', () => electors.b.leader === 'a');
  assert.equal(leader(), 'a');
  await electors.a.stop();
  const released = await new ApiLeaseStore(api.client(), 'kube-system', 'graceful').get();
  assert.equal(released?.spec?.holderIdentity ?? null, null, 'released');
  await waitFor('b to lead', () => electors.b.isLeader, 60_000);
  const lease = await new ApiLeaseStore(api.client(), 'kube-system', 'graceful').get();
  assert.equal(lease?.spec?.holderIdentity, 'b');
  assert.equal(lease?.spec?.leaseTransitions, 1);
  assert.deepEqual(violations, []);
});

test('a leader killed without releasing is succeeded only once its lease has expired', async (t) => {
  const { electors, violations } = candidates('killed');
  t.after(() => Promise.all([electors.a.stop(), electors.b.stop()]));
  electors.a.start();
  await waitFor('a to lead', () => electors.a.isLeader);
  electors.b.start();
  await waitFor('b to see a lead', () => electors.b.leader === 'a');
  await electors.a.stop({ release: false });
  const lastRenewal = await new ApiLeaseStore(api.client(), 'kube-system', 'killed').get();
  assert.equal(lastRenewal?.spec?.holderIdentity, 'a', 'the Lease is still a’s');
  await waitFor('b to lead', () => electors.b.isLeader, 30_000);
  const lease = await new ApiLeaseStore(api.client(), 'kube-system', 'killed').get();
  assert.equal(lease?.spec?.holderIdentity, 'b');
  assert.equal(lease?.spec?.leaseTransitions, 1);
  // b acquired after a's last renewal plus the lease duration (2 s), never before: the
  // timestamps are the electors' own, so this holds however slow the machine is.
  const expiredAt = Date.parse(lastRenewal?.spec?.renewTime ?? '') + 2000;
  const acquiredAt = Date.parse(lease?.spec?.acquireTime ?? '');
  assert.ok(acquiredAt >= expiredAt, `acquired at ${lease?.spec?.acquireTime}, a's lease ran until ${new Date(expiredAt).toISOString()}`);
  assert.deepEqual(violations, []);
});
