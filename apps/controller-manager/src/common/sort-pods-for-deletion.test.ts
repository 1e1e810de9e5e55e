import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POD_DELETION_COST_ANNOTATION, podDeletionCost, sortPodsForDeletion } from './sort-pods-for-deletion.js';
import type { Pod } from '@wheelhouse/model';

const now = '2024-06-01T00:00:00Z';
const then = '2024-05-01T00:00:00Z'; // a month earlier

interface PodSpec {
  name: string;
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: string;
  created?: string;
  restarts?: number[];
  sidecarRestarts?: number;
  cost?: string;
  uid?: string;
}
const pod = (p: PodSpec): Pod => ({
  metadata: {
    name: p.name,
    uid: p.uid ?? p.name,
    creationTimestamp: p.created,
    annotations: p.cost !== undefined ? { [POD_DELETION_COST_ANNOTATION]: p.cost } : {},
  },
  spec: { nodeName: p.node ?? '', initContainers: p.sidecarRestarts !== undefined ? [{ name: 'sidecar', restartPolicy: 'Always' }] : [] },
  status: {
    phase: p.phase ?? 'Running',
    conditions: p.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: p.readySince }] : [],
    containerStatuses: (p.restarts ?? []).map((restartCount) => ({ restartCount })),
    initContainerStatuses: p.sidecarRestarts !== undefined ? [{ name: 'sidecar', restartCount: p.sidecarRestarts }] : [],
  },
});

// Deterministic shuffles, so every run checks the same 20 input orders.
function* shuffles<T>(items: readonly T[], count: number): Generator<T[]> {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let n = 0; n < count; n++) {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    yield copy;
  }
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

test('TestSortingActivePods: unassigned, pending, unknown, not ready, then by ready time, restarts and age', () => {
  const pods = [
    pod({ name: 'unscheduled', phase: 'Pending' }),
    pod({ name: 'scheduledButPending', node: 'bar', phase: 'Pending' }),
    pod({ name: 'unknownPhase', node: 'foo', phase: 'Unknown' }),
    pod({ name: 'runningButNotReady', node: 'foo' }),
    pod({ name: 'runningNoLastTransitionTime', node: 'foo', ready: true, restarts: [3, 0] }),
    pod({ name: 'runningWithLastTransitionTime', node: 'foo', ready: true, readySince: now, restarts: [3, 0] }),
    pod({ name: 'runningLongerTime', node: 'foo', ready: true, readySince: then, restarts: [3, 0] }),
    pod({ name: 'lowerContainerRestartCount', node: 'foo', ready: true, readySince: then, restarts: [2, 1], created: now }),
    pod({ name: 'oldest', node: 'foo', ready: true, readySince: then, restarts: [2, 1], created: then }),
  ];
  for (const shuffled of shuffles(pods, 20)) assert.deepEqual(names(sortPodsForDeletion(shuffled)), names(pods));
});

test('TestSortingActivePods: restartable init containers break restart-count ties', () => {
  const pods = [
    pod({ name: 'higherSidecarRestarts', node: 'foo', ready: true, readySince: then, restarts: [2], sidecarRestarts: 3, created: now }),
    pod({ name: 'lowerSidecarRestarts', node: 'foo', ready: true, readySince: then, restarts: [2], sidecarRestarts: 2, created: now }),
  ];
  for (const shuffled of shuffles(pods, 4)) assert.deepEqual(names(sortPodsForDeletion(shuffled)), names(pods));
});

test('pod-deletion-cost: lower cost first, but only after scheduling, phase and readiness', () => {
  const cheap = pod({ name: 'cheap', node: 'n', ready: true, cost: '10' });
  const dear = pod({ name: 'dear', node: 'n', ready: true, cost: '100' });
  const notReadyDear = pod({ name: 'notReadyDear', node: 'n', cost: '100' });
  assert.deepEqual(names(sortPodsForDeletion([dear, cheap, notReadyDear])), ['notReadyDear', 'cheap', 'dear']);
});

test('podDeletionCost parses an int32, rejecting "+" and leading zeros like Kubernetes', () => {
  const cost = (value: string) => podDeletionCost(pod({ name: 'p', cost: value }));
  assert.equal(cost('10'), 10);
  assert.equal(cost('-5'), -5);
  assert.equal(cost('0'), 0);
  assert.equal(cost('-007'), -7);
  assert.equal(cost('+10'), 0);
  assert.equal(cost('007'), 0);
  assert.equal(cost('2147483648'), 0);
  assert.equal(cost('abc'), 0);
});

test('ranks: pods on nodes crowded with related pods go first, after cost', () => {
  const a = pod({ name: 'a', node: 'n1', ready: true, readySince: then });
  const b = pod({ name: 'b', node: 'n2', ready: true, readySince: then });
  assert.deepEqual(names(sortPodsForDeletion([a, b], { ranks: [1, 3] })), ['b', 'a']);
  assert.deepEqual(names(sortPodsForDeletion([a, b], { ranks: [3, 1] })), ['a', 'b']);
  const cheapA = pod({ name: 'a', node: 'n1', ready: true, cost: '-1' });
  assert.deepEqual(names(sortPodsForDeletion([cheapA, b], { ranks: [1, 3] })), ['a', 'b']);
});

test('with `now`, ages in the same power-of-two bucket tie and the uid decides (LogarithmicScaleDown)', () => {
  const at = (hoursAgo: number) => new Date(Date.parse(now) - hoursAgo * 3_600_000).toISOString();
  const fiveHours = pod({ name: 'five', uid: 'b', node: 'n', ready: true, readySince: at(5) });
  const eightHours = pod({ name: 'eight', uid: 'a', node: 'n', ready: true, readySince: at(8) });
  const twoHours = pod({ name: 'two', uid: 'c', node: 'n', ready: true, readySince: at(2) });
  // Linear: the youngest first.
  assert.deepEqual(names(sortPodsForDeletion([eightHours, fiveHours, twoHours])), ['two', 'five', 'eight']);
  // Logarithmic: 5h and 8h share a bucket (2^44 ns), so uid "a" beats uid "b"; 2h is a younger bucket.
  assert.deepEqual(names(sortPodsForDeletion([fiveHours, eightHours, twoHours], { now: new Date(now) })), ['two', 'eight', 'five']);
  // A missing time still counts as the youngest.
  const noTime = pod({ name: 'none', uid: 'z', node: 'n', ready: true });
  assert.deepEqual(names(sortPodsForDeletion([fiveHours, noTime], { now: new Date(now) })), ['none', 'five']);
});

test('the sort does not modify its input', () => {
  const pods = [pod({ name: 'ready', node: 'n', ready: true }), pod({ name: 'pending', phase: 'Pending' })];
  sortPodsForDeletion(pods);
  assert.deepEqual(names(pods), ['ready', 'pending']);
});
