import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideNodeLifecycle, type NodeLifecycleState } from './decide.js';
import { at, node, pod, ready, stamp, T0, unreachableFor } from './fixtures.js';
import { unknownConditions } from './node-health.js';
import type { Taint } from '@wheelhouse/model';

const GRACE = 40_000;
const unreachableTaints = (added: number): Taint[] => [
  { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: stamp(added) },
];
/** A node the controller already found silent at 40 s and tainted. */
const unreachableNode = () => node(unknownConditions(node([ready('True')]), at(40))!, unreachableTaints(40));
const state = (over: Partial<NodeLifecycleState>): NodeLifecycleState => ({ node: node([ready('True')]), pods: [], lastHeardMs: T0, now: at(10), gracePeriodMs: GRACE, ...over });
const types = (d: ReturnType<typeof decideNodeLifecycle>) => d.actions.map((a) => a.type);

describe('decideNodeLifecycle', () => {
  test('a node heard from within the grace period: nothing to do, look again when it would run out', () => {
    const decision = decideNodeLifecycle(state({ lastHeardMs: T0, now: at(10) }));
    assert.deepEqual(decision.actions, []);
    assert.equal(decision.ready, 'True');
    assert.equal(decision.requeueAfterMs, 30_000 + 100);
  });

  test('silent for the grace period: conditions Unknown, NodeNotReady event, unreachable taints', () => {
    const decision = decideNodeLifecycle(state({ lastHeardMs: T0, now: at(40), lastSeenReady: 'True' }));
    assert.deepEqual(types(decision), ['setConditions', 'nodeNotReadyEvent', 'setTaints']);
    const setConditions = decision.actions[0] as { conditions: { type: string; status: string; reason?: string }[] };
    assert.deepEqual(setConditions.conditions.find((c) => c.type === 'Ready')?.reason, 'NodeStatusUnknown');
    assert.deepEqual((decision.actions[2] as { taints: Taint[] }).taints, unreachableTaints(40));
    assert.equal(decision.ready, 'Unknown');
  });

  test('no NodeNotReady event for a node that was not Ready when the controller first saw it', () => {
    assert.ok(!types(decideNodeLifecycle(state({ lastHeardMs: T0, now: at(40) }))).includes('nodeNotReadyEvent'));
    const posted = decideNodeLifecycle(state({ node: node([ready('False')]), lastSeenReady: 'True' }));
    assert.deepEqual(types(posted), ['nodeNotReadyEvent', 'setTaints'], 'the kubelet posting Ready=False is a transition too');
  });

  test('on a tainted node pods go by their tolerations: at once, after tolerationSeconds, or never', () => {
    const pods = [
      pod('intolerant'),
      pod('short', { tolerations: [unreachableFor(5)] }),
      pod('default', { tolerations: [unreachableFor(300)] }),
      pod('forever', { tolerations: [unreachableFor()] }),
    ];
    const tainted = unreachableNode();
    const early = decideNodeLifecycle(state({ node: tainted, pods, lastHeardMs: T0, now: at(42) }));
    assert.deepEqual(
      early.actions.filter((a) => a.type === 'evictPod').map((a) => (a as { pod: { metadata: { name: string } } }).pod.metadata.name),
      ['intolerant'],
    );
    assert.equal(early.requeueAfterMs, 3_000 + 100, 'wake up when the 5 s toleration runs out');

    const later = decideNodeLifecycle(state({ node: tainted, pods, lastHeardMs: T0, now: at(45) }));
    assert.deepEqual(
      later.actions.filter((a) => a.type === 'evictPod').map((a) => (a as { pod: { metadata: { name: string } } }).pod.metadata.name),
      ['intolerant', 'short'],
    );
    assert.equal(later.requeueAfterMs, 295_000 + 100);
  });

  test('pods of an unreachable node are marked not Ready (finished and evicted ones are not touched)', () => {
    const pods = [
      pod('web', { tolerations: [unreachableFor(300)] }),
      pod('idle', { tolerations: [unreachableFor(300)], ready: false }),
      pod('done', { phase: 'Succeeded', tolerations: [unreachableFor(300)] }),
      pod('gone'),
    ];
    const decision = decideNodeLifecycle(state({ node: unreachableNode(), pods, now: at(41) }));
    const marked = decision.actions.filter((a) => a.type === 'markPodNotReady') as {
      pod: { metadata: { name: string } };
      conditions: { type: string; status: string; lastTransitionTime?: string }[];
    }[];
    assert.deepEqual(
      marked.map((a) => a.pod.metadata.name),
      ['web'],
    );
    assert.deepEqual(
      marked[0]!.conditions.find((c) => c.type === 'Ready'),
      { type: 'Ready', status: 'False', lastTransitionTime: stamp(41) },
    );
    assert.deepEqual(
      marked[0]!.conditions.find((c) => c.type === 'PodScheduled'),
      { type: 'PodScheduled', status: 'True' },
    );
    assert.ok(types(decision).includes('evictPod'), 'the pod without tolerations is evicted instead');
  });

  test('terminating pods of an unreachable node are force-deleted once their grace is over', () => {
    const pods = [pod('overdue', { deleting: 50 }), pod('waiting', { deleting: 80 })];
    const decision = decideNodeLifecycle(state({ node: unreachableNode(), pods, now: at(60) }));
    assert.deepEqual(
      decision.actions.map((a) => [a.type, 'pod' in a ? a.pod.metadata.name : '']),
      [['forceDeletePod', 'overdue']],
    );
    assert.equal(decision.requeueAfterMs, 20_000 + 100);
  });

  test('a live node (Ready=False, its agent still there) confirms deletions itself: no force delete', () => {
    const notReadyTaints: Taint[] = [
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute', timeAdded: stamp(0) },
    ];
    const decision = decideNodeLifecycle(state({ node: node([ready('False')], notReadyTaints), pods: [pod('overdue', { deleting: 5 })], now: at(20) }));
    assert.deepEqual(decision.actions, []);
  });

  test('recovery: the kubelet is heard again and Ready, so the taints go, and a taint going evicts nobody', () => {
    const decision = decideNodeLifecycle(
      state({ node: node([ready('True', 100)], unreachableTaints(40)), pods: [pod('web')], lastHeardMs: T0 + 100_000, now: at(101), lastSeenReady: 'Unknown' }),
    );
    assert.deepEqual(decision.actions, [{ type: 'setTaints', taints: [] }]);
  });

  test('a cordoned node gets the unschedulable NoSchedule taint, which evicts nothing', () => {
    const decision = decideNodeLifecycle(state({ node: node([ready('True')], [], true), pods: [pod('web')] }));
    assert.deepEqual(decision.actions, [{ type: 'setTaints', taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }]);
  });

  test('every other node down too: no NoExecute taint and no eviction (the controller doubts its own view)', () => {
    const othersDown = [
      { zone: '', ready: 'Unknown' as const },
      { zone: '', ready: 'Unknown' as const },
    ];
    const silent = decideNodeLifecycle(state({ now: at(40), pods: [pod('web')], readinessOfOthers: () => othersDown }));
    assert.deepEqual((silent.actions.find((a) => a.type === 'setTaints') as { taints: Taint[] }).taints, [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]);
    const lifted = decideNodeLifecycle(state({ node: unreachableNode(), pods: [pod('web')], now: at(41), readinessOfOthers: () => othersDown }));
    assert.deepEqual(
      lifted.actions.filter((a) => a.type === 'evictPod'),
      [],
      'a taint being lifted evicts nobody',
    );
    assert.deepEqual((lifted.actions.find((a) => a.type === 'setTaints') as { taints: Taint[] }).taints, [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]);
    const healthyOthers = decideNodeLifecycle(state({ node: unreachableNode(), pods: [pod('web')], now: at(41), readinessOfOthers: () => [{ zone: '', ready: 'True' }] }));
    assert.deepEqual(
      types(healthyOthers).filter((t) => t === 'evictPod'),
      ['evictPod'],
    );
  });

  test('a new NoExecute taint is reported for the rate limiter; held, only the NoSchedule one is written', () => {
    const silent = decideNodeLifecycle(state({ now: at(40) }));
    assert.deepEqual(silent.tainting, { zone: '', rate: 'normal' });
    const held = decideNodeLifecycle(state({ now: at(40), holdNoExecute: true }));
    assert.equal(held.tainting, undefined);
    assert.deepEqual((held.actions.find((a) => a.type === 'setTaints') as { taints: Taint[] }).taints, [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]);
    assert.equal(decideNodeLifecycle(state({ node: unreachableNode(), now: at(41) })).tainting, undefined, 'already tainted: nothing to limit');
  });

  test('in a partially disrupted large zone the taint goes at the secondary rate', () => {
    const others = [...Array.from({ length: 20 }, () => ({ zone: '', ready: 'True' as const })), ...Array.from({ length: 40 }, () => ({ zone: '', ready: 'Unknown' as const }))];
    assert.deepEqual(decideNodeLifecycle(state({ now: at(40), readinessOfOthers: () => others })).tainting, { zone: '', rate: 'secondary' });
  });
});
