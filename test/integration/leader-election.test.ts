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

/** Two candidates for one Lease with short timings (2 s / 1.5 s / 0.3 s), watching that they never lead together. */
function candidates(lease: string) {
  const leading = new Set<string>();
  const violations: string[] = [];
  const startedAt = new Map<string, number>();
  const make = (identity: string) =>
    new LeaderElector(api.client(), {
      namespace: 'kube-system',
      name: lease,
      identity,
      leaseDurationSeconds: 2,
      renewDeadlineMs: 1500,
      retryPeriodMs: 300,
      onError: (error) => violations.push(`${identity} error: ${String(error)}`),
      onStartedLeading: (signal) => {
        if (leading.size > 0) violations.push(`${identity} started while ${[...leading]} led`);
        leading.add(identity);
        startedAt.set(identity, Date.now());
        signal.addEventListener('abort', () => leading.delete(identity));
      },
    });
  const electors = { a: make('a'), b: make('b') };
  const leader = () => (electors.a.isLeader ? 'a' : electors.b.isLeader ? 'b' : undefined);
  return { electors, leading, violations, startedAt, leader };
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

test('a leader that stops gracefully releases the Lease: the other leads within a second', async (t) => {
  const { electors, violations, leader } = candidates('graceful');
  t.after(() => Promise.all([electors.a.stop(), electors.b.stop()]));
  electors.a.start();
  await waitFor('a to lead', () => electors.a.isLeader);
  electors.b.start();
  await delay(400);
  assert.equal(leader(), 'a');
  const stoppedAt = Date.now();
  await electors.a.stop();
  const lease = await new ApiLeaseStore(api.client(), 'kube-system', 'graceful').get();
  assert.equal(lease?.spec?.holderIdentity ?? null, null, 'released');
  await waitFor('b to lead', () => electors.b.isLeader, 1000);
  assert.ok(Date.now() - stoppedAt < 1000);
  assert.deepEqual(violations, []);
});

test('a leader killed without releasing is succeeded once its lease has expired', async (t) => {
  const { electors, violations, startedAt } = candidates('killed');
  t.after(() => Promise.all([electors.a.stop(), electors.b.stop()]));
  electors.a.start();
  await waitFor('a to lead', () => electors.a.isLeader);
  electors.b.start();
  await delay(400);
  const killedAt = Date.now();
  await electors.a.stop({ release: false });
  await delay(1000);
  assert.equal(electors.b.isLeader, false, 'the Lease is still a’s');
  await waitFor('b to lead', () => electors.b.isLeader, 4000);
  const takeover = startedAt.get('b')! - killedAt;
  // a renewed at most one retry period (0.3 s) before it died; b retries every 0.3–0.66 s.
  assert.ok(takeover >= 1600 && takeover < 3200, `took over after ${takeover} ms`);
  const lease = await new ApiLeaseStore(api.client(), 'kube-system', 'killed').get();
  assert.equal(lease?.spec?.holderIdentity, 'b');
  assert.equal(lease?.spec?.leaseTransitions, 1);
  assert.deepEqual(violations, []);
});
