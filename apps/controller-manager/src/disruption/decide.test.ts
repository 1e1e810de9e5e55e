// After Kubernetes' pkg/controller/disruption/disruption_test.go: each test builds the
// caches the fake controller would hold, syncs once and checks the status it writes
// (ps.VerifyPdbStatus(disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods, disruptedPods)).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod, PodDisruptionBudget } from '@wheelhouse/model';
import { decideDisruption, DELETION_TIMEOUT_MS, type DisruptionDecision } from './decide.js';
import type { ScaledWorkload, WorkloadLookup } from './expected-pods.js';

const NOW = new Date('2026-01-01T00:10:00Z');
const at = (msAgo: number) => new Date(NOW.getTime() - msAgo).toISOString();
const labels = { foo: 'bar' };

function pdb(spec: Record<string, unknown>, status: Record<string, unknown> = {}, generation = 1): PodDisruptionBudget {
  return { metadata: { namespace: 'default', name: 'foobar', generation }, spec: { selector: { matchLabels: labels }, ...spec }, status } as PodDisruptionBudget;
}
function pod(name: string, opts: { ready?: boolean; owner?: { kind: string; name: string; uid: string }; deleting?: boolean; labels?: Record<string, string> } = {}): Pod {
  return {
    metadata: {
      namespace: 'default',
      name,
      labels: opts.labels ?? labels,
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', ...opts.owner, controller: true }] } : {}),
      ...(opts.deleting ? { deletionTimestamp: at(0) } : {}),
    },
    status: { conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  } as Pod;
}
const lookupOf =
  (...workloads: ScaledWorkload[]): WorkloadLookup =>
  (kind, name) =>
    workloads.find((w) => w.kind === kind && w.name === name);
const none: WorkloadLookup = () => undefined;

function sync(p: PodDisruptionBudget, pods: Pod[], lookup: WorkloadLookup = none): DisruptionDecision {
  return decideDisruption({ pdb: p, namespacePods: pods, lookup, now: NOW });
}
/** VerifyPdbStatus: [disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods]. */
function counts(d: DisruptionDecision): number[] {
  const s = d.status!;
  return [s.disruptionsAllowed!, s.currentHealthy!, s.desiredHealthy!, s.expectedPods!];
}
const condition = (d: DisruptionDecision) => d.status!.conditions!.find((c) => c.type === 'DisruptionAllowed');
const rsOwner = (name: string, uid: string) => ({ kind: 'ReplicaSet', name, uid });

describe('disruption controller', () => {
  test('TestNoSelector: an empty selector selects every pod of the namespace (policy/v1)', () => {
    const d = sync(pdb({ minAvailable: 3, selector: {} }), [pod('yo-yo-yo', { labels: {} })]);
    assert.deepEqual(counts(d), [0, 1, 3, 1]);
    assert.deepEqual(counts(sync(pdb({ minAvailable: 3, selector: null }), [pod('yo-yo-yo')])), [0, 0, 3, 0]);
  });

  test('TestUnavailable: minAvailable 3 of 4 ready pods allows one; one unready pod allows none', () => {
    const pods = [0, 1, 2, 3].map((i) => pod(`yo-yo-yo ${i}`));
    const d = sync(pdb({ minAvailable: 3 }), pods);
    assert.deepEqual(counts(d), [1, 4, 3, 4]);
    assert.deepEqual([condition(d)?.status, condition(d)?.reason], ['True', 'SufficientPods']);
    pods[0] = pod('yo-yo-yo 0', { ready: false });
    const after = sync(pdb({ minAvailable: 3 }), pods);
    assert.deepEqual(counts(after), [0, 3, 3, 4]);
    assert.deepEqual([condition(after)?.status, condition(after)?.reason], ['False', 'InsufficientPods']);
  });

  test('TestIntegerMaxUnavailable: an unmanaged pod cannot be scaled from, so nothing is allowed', () => {
    const d = sync(pdb({ maxUnavailable: 1 }), [pod('naked')]);
    assert.equal(d.status!.disruptionsAllowed, 0);
    assert.ok(d.events.some((e) => e.reason === 'UnmanagedPods'));
  });

  test('TestIntegerMaxUnavailableWithScaling: maxUnavailable 2 of a ReplicaSet of 7, then 5', () => {
    const pods = [pod('p', { owner: rsOwner('rs', 'rs-uid') })];
    const rs = (replicas: number) => lookupOf({ kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', replicas });
    assert.deepEqual(counts(sync(pdb({ maxUnavailable: 2 }), pods, rs(7))), [0, 1, 5, 7]);
    assert.deepEqual(counts(sync(pdb({ maxUnavailable: 2 }), pods, rs(5))), [0, 1, 3, 5]);
  });

  test('TestPercentageMaxUnavailable: 30% of 7 rounds up to 3 unavailable', () => {
    const pods = [pod('p', { owner: rsOwner('rs', 'rs-uid') })];
    assert.deepEqual(counts(sync(pdb({ maxUnavailable: '30%' }), pods, lookupOf({ kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', replicas: 7 }))), [0, 1, 4, 7]);
  });

  test('TestNakedPod / TestStatusForUnmanagedPod: a percentage needs controllers; naked pods allow nothing and raise UnmanagedPods', () => {
    const d = sync(pdb({ minAvailable: '28%' }), [pod('naked')]);
    assert.equal(d.status!.disruptionsAllowed, 0);
    assert.deepEqual(
      d.events.map((e) => e.reason),
      ['UnmanagedPods'],
    );
  });

  test('TestReplicaSet: minAvailable 20% of a ReplicaSet of 10', () => {
    const pods = [pod('p', { owner: rsOwner('rs', 'rs-uid') })];
    assert.deepEqual(counts(sync(pdb({ minAvailable: '20%' }), pods, lookupOf({ kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', replicas: 10 }))), [0, 1, 2, 10]);
  });

  test('TestScaleResource: any kind with a scale subresource counts by its replicas', () => {
    const owner = { kind: 'CustomResource', name: 'cr', uid: 'cr-uid' };
    const pods = Array.from({ length: 10 }, (_, i) => pod(`pod-${i}`, { owner }));
    assert.deepEqual(counts(sync(pdb({ maxUnavailable: 2 }), pods, lookupOf({ ...owner, replicas: 10 }))), [2, 10, 8, 10]);
  });

  test('TestReplicationController: minAvailable 34% of 3 needs 2; the third ready pod allows one disruption', () => {
    const owner = { kind: 'ReplicationController', name: 'rc', uid: 'rc-uid' };
    const lookup = lookupOf({ ...owner, replicas: 3 });
    const pods: Pod[] = [];
    const expected = [
      [0, 1, 2, 3],
      [0, 2, 2, 3],
      [1, 3, 2, 3],
    ];
    for (let i = 0; i < 3; i++) {
      pods.push(pod(`foobar ${i}`, { owner }));
      assert.deepEqual(counts(sync(pdb({ minAvailable: '34%' }), pods, lookup)), expected[i], `${i + 1} pods`);
    }
    pods[0] = pod('foobar 0', { owner, ready: false });
    assert.deepEqual(counts(sync(pdb({ minAvailable: '34%' }), pods, lookup)), [0, 2, 2, 3]);
  });

  test('TestStatefulSetController: minAvailable 67% of 3 needs all 3', () => {
    const owner = { kind: 'StatefulSet', name: 'ss', uid: 'ss-uid' };
    const lookup = lookupOf({ ...owner, replicas: 3 });
    const pods: Pod[] = [];
    for (let i = 0; i < 3; i++) {
      pods.push(pod(`foobar ${i}`, { owner }));
      assert.deepEqual(counts(sync(pdb({ minAvailable: '67%' }), pods, lookup)), [0, i + 1, 3, 3]);
    }
  });

  test('TestTwoControllers / TestDeploymentFinderFunction: a Deployment counts through its ReplicaSet, each controller once', () => {
    const deployment: ScaledWorkload = { kind: 'Deployment', name: 'd', uid: 'd-uid', replicas: 11 };
    const rs: ScaledWorkload = { kind: 'ReplicaSet', name: 'd-123', uid: 'rs-uid', replicas: 11, controller: { kind: 'Deployment', name: 'd', uid: 'd-uid' } };
    const rc: ScaledWorkload = { kind: 'ReplicationController', name: 'rc', uid: 'rc-uid', replicas: 11 };
    const lookup = lookupOf(deployment, rs, rc);
    const pods = [
      ...Array.from({ length: 11 }, (_, i) => pod(`d-${i}`, { owner: rsOwner('d-123', 'rs-uid') })),
      ...Array.from({ length: 11 }, (_, i) => pod(`rc-${i}`, { owner: { kind: 'ReplicationController', name: 'rc', uid: 'rc-uid' } })),
    ];
    // 28% of 22 = 6.16, rounded up to 7.
    assert.deepEqual(counts(sync(pdb({ minAvailable: '28%' }), pods, lookup)), [15, 22, 7, 22]);
    // The Deployment scaled to 5: its ReplicaSet's own count does not matter.
    const scaled = lookupOf({ ...deployment, replicas: 5 }, rs, rc);
    assert.deepEqual(counts(sync(pdb({ maxUnavailable: 1 }), pods, scaled)), [7, 22, 15, 16]);
  });

  test('a controller reference whose uid does not match is no controller: the sync fails safe', () => {
    const d = sync(
      pdb({ maxUnavailable: 1 }, { disruptionsAllowed: 3 }),
      [pod('p', { owner: rsOwner('rs', 'old-uid') })],
      lookupOf({ kind: 'ReplicaSet', name: 'rs', uid: 'new-uid', replicas: 3 }),
    );
    assert.equal(d.status!.disruptionsAllowed, 0);
    assert.deepEqual([condition(d)?.status, condition(d)?.reason, condition(d)?.message], ['False', 'SyncFailed', 'found no controllers for pod "p"']);
  });

  test('TestInvalidSelectors: a selector that does not parse fails safe with SyncFailed', () => {
    const d = sync(pdb({ minAvailable: 1, selector: { matchExpressions: [{ key: 'k', operator: 'Bogus', values: ['v'] }] } }, { disruptionsAllowed: 2 }), [pod('p')]);
    assert.equal(d.status!.disruptionsAllowed, 0);
    assert.equal(condition(d)?.reason, 'SyncFailed');
  });

  test('TestUpdateDisruptedPods: entries of pods being deleted, expired or gone are dropped; fresh ones stay and are not counted healthy', () => {
    const p = pdb({ minAvailable: 1 }, { disruptedPods: { p1: at(0), p2: at(3 * 60_000), p3: at(60_000), notthere: at(0) } });
    const d = sync(p, [pod('p1', { deleting: true }), pod('p2'), pod('p3')]);
    assert.deepEqual(counts(d), [0, 1, 1, 3]);
    assert.deepEqual(d.status!.disruptedPods, { p3: at(60_000) });
    assert.deepEqual(
      d.events.map((e) => [e.object, e.reason]),
      [[{ pod: 'p2' }, 'NotDeleted']],
    );
    assert.equal(d.recheckAfterMs, DELETION_TIMEOUT_MS - 60_000);
  });

  test('TestBasicFinderFunctions: minAvailable as an integer counts the pods found, whatever owns them', () => {
    const pods = [pod('a', { owner: rsOwner('gone', 'x') }), pod('b')];
    assert.deepEqual(counts(sync(pdb({ minAvailable: 1 }), pods)), [1, 2, 1, 2]);
  });

  test('pods of other selectors, unready and terminating pods are not healthy; no pods at all raises NoPods', () => {
    const d = sync(pdb({ minAvailable: 1 }), [pod('other', { labels: { foo: 'baz' } })]);
    assert.deepEqual(counts(d), [0, 0, 1, 0]);
    assert.deepEqual(
      d.events.map((e) => e.reason),
      ['NoPods'],
    );
    assert.deepEqual(counts(sync(pdb({ minAvailable: 0 }), [pod('a', { deleting: true }), pod('b', { ready: false })])), [0, 0, 0, 2]);
  });

  test('observedGeneration follows the generation; an unchanged, up-to-date status is not written again', () => {
    const first = sync(pdb({ minAvailable: 1 }, {}, 4), [pod('a'), pod('b')]);
    assert.equal(first.status!.observedGeneration, 4);
    const again = sync(pdb({ minAvailable: 1 }, first.status as never, 4), [pod('a'), pod('b')]);
    assert.equal(again.status, undefined);
    const bumped = sync(pdb({ minAvailable: 1 }, first.status as never, 5), [pod('a'), pod('b')]);
    assert.equal(bumped.status!.observedGeneration, 5);
    // The condition keeps its transition time while its status does not change.
    assert.equal(condition(bumped)?.lastTransitionTime, condition(first)?.lastTransitionTime);
  });
});
