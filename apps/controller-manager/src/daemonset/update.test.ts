// Cases ported from Kubernetes' pkg/controller/daemon/update_test.go: rolling updates over
// several syncs, each sync's actions applied to the pod list as the API and kubelet would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DaemonSet, Pod } from '@wheelhouse/model';
import { decideDaemonSet, type DaemonSetAction } from './decide.js';
import { targetNodeName } from './daemon-pod.js';
import { NOW, SIMPLE_DAEMON_SET_LABEL, addNodes, newDaemonSet, newPod } from './fixtures.js';
import { rollingUpdate } from './rolling-update.js';
import { podsByNode } from './pods-by-node.js';

const nodes = addNodes(0, 5);
const strategy = (maxUnavailable: number | string, maxSurge: number | string = 0): DaemonSet =>
  newDaemonSet('foo', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } } });

function syncWith(ds: DaemonSet, pods: Pod[], hash: string): DaemonSetAction[] {
  return decideDaemonSet({ ds, nodes, pods, hash, oldRevisions: [], expectationsSatisfied: true, now: NOW, backoff: () => undefined });
}
const count = (actions: DaemonSetAction[], type: 'create' | 'delete') => actions.flatMap((a) => (a.type === type ? a.pods : [])).length;

/** Applies one sync: deleted pods vanish, created pods run (Ready when `ready`) on their node. */
function apply(ds: DaemonSet, pods: Pod[], actions: DaemonSetAction[], hash: string, ready: boolean): Pod[] {
  const gone = new Set(actions.flatMap((a) => (a.type === 'delete' ? a.pods.map((p) => p.metadata.uid) : [])));
  const made = actions.flatMap((a) => (a.type === 'create' ? a.pods : [])).map((p) => newPod(targetNodeName(p)!, SIMPLE_DAEMON_SET_LABEL, ds, { hash, ready }));
  return [...pods.filter((p) => !gone.has(p.metadata.uid)), ...made];
}
const markReady = (pods: Pod[]) =>
  pods.map((p) => ({ ...p, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: new Date(NOW.getTime() - 30_000).toISOString() }] } }));
const allOld = (ds: DaemonSet, ready = true) => nodes.map((n) => newPod(n.metadata.name!, SIMPLE_DAEMON_SET_LABEL, ds, { hash: 'old', ready }));

test('TestDaemonSetUpdatesPods: maxUnavailable 2 deletes two old pods a sync, the manage loop replaces them', () => {
  const ds = strategy(2);
  let pods = allOld(ds);
  const steps: [number, number][] = [];
  const updated = () => pods.filter((p) => p.metadata.labels?.['controller-revision-hash'] === 'new').length;
  for (let i = 0; i < 10 && (updated() < 5 || pods.length > 5); i++) {
    const actions = syncWith(ds, pods, 'new');
    steps.push([count(actions, 'create'), count(actions, 'delete')]);
    pods = markReady(apply(ds, pods, actions, 'new', false));
  }
  assert.deepEqual(steps, [
    [0, 2],
    [2, 0],
    [0, 2],
    [2, 0],
    [0, 1],
    [1, 0],
  ]);
  assert.deepEqual([count(syncWith(ds, pods, 'new'), 'create'), count(syncWith(ds, pods, 'new'), 'delete')], [0, 0], 'done');
});

test('TestDaemonSetUpdatesWhenNewPosIsNotReady: unready new pods use up maxUnavailable', () => {
  const ds = strategy(3);
  let pods = allOld(ds);
  let actions = syncWith(ds, pods, 'new');
  assert.equal(count(actions, 'delete'), 3);
  pods = apply(ds, pods, actions, 'new', false);
  actions = syncWith(ds, pods, 'new');
  assert.equal(count(actions, 'create'), 3);
  pods = apply(ds, pods, actions, 'new', false);
  // The three new pods are not ready: nothing more may go.
  actions = syncWith(ds, pods, 'new');
  assert.deepEqual([count(actions, 'create'), count(actions, 'delete')], [0, 0]);
});

test('TestDaemonSetUpdatesAllOldPodsNotReady: unavailable old pods are all replaced at once', () => {
  const ds = strategy(3);
  const actions = syncWith(ds, allOld(ds, false), 'new');
  assert.deepEqual([count(actions, 'create'), count(actions, 'delete')], [0, 5]);
});

test('TestDaemonSetUpdatesAllOldPodsNotReadyMaxSurge: every node with an unavailable old pod surges at once', () => {
  const ds = strategy(0, 3);
  const actions = syncWith(ds, allOld(ds, false), 'new');
  assert.deepEqual([count(actions, 'create'), count(actions, 'delete')], [5, 0]);
});

test('TestDaemonSetUpdatesPodsWithMaxSurge: new pods beside old ones, old ones go once the new are available', () => {
  const ds = strategy(0, 2);
  let pods = allOld(ds);
  let actions = syncWith(ds, pods, 'new');
  assert.deepEqual([count(actions, 'create'), count(actions, 'delete')], [2, 0], 'surge 2');
  pods = apply(ds, pods, actions, 'new', false);
  actions = syncWith(ds, pods, 'new');
  assert.deepEqual([count(actions, 'create'), count(actions, 'delete')], [0, 0], 'waiting for the surge pods');
  pods = pods.map((p) => (p.metadata.labels?.['controller-revision-hash'] === 'new' ? markReady([p])[0]! : p));
  actions = syncWith(ds, pods, 'new');
  assert.deepEqual([count(actions, 'create'), count(actions, 'delete')], [0, 2], 'old pods beside available new ones go');
  pods = apply(ds, pods, actions, 'new', false);
  actions = syncWith(ds, pods, 'new');
  assert.deepEqual([count(actions, 'create'), count(actions, 'delete')], [2, 0], 'next two');
});

test('TestDaemonSetUpdatesNoTemplateChanged and OnDelete: nothing to do', () => {
  const ds = strategy(3);
  const current = nodes.map((n) => newPod(n.metadata.name!, SIMPLE_DAEMON_SET_LABEL, ds, { hash: 'same', ready: true }));
  assert.deepEqual(
    syncWith(ds, current, 'same').filter((a) => a.type === 'create' || a.type === 'delete'),
    [],
  );
  const onDelete = newDaemonSet('foo', { updateStrategy: { type: 'OnDelete' } });
  assert.deepEqual(
    syncWith(onDelete, allOld(onDelete), 'new').filter((a) => a.type === 'create' || a.type === 'delete'),
    [],
  );
});

test('TestGetUnavailableNumbers via rollingUpdate: percentages round up; 0/0 falls back to one unavailable', () => {
  const cases: [string, DaemonSet, number][] = [
    ['maxUnavailable 1', strategy(1), 1],
    ['maxUnavailable 25% of 5 rounds up to 2', strategy('25%'), 2],
    ['maxUnavailable 100%', strategy('100%'), 5],
    ['0 and 0 behave as one unavailable', strategy(0, 0), 1],
  ];
  for (const [name, ds, deleted] of cases) {
    const plan = rollingUpdate({ ds, nodes, podsByNode: podsByNode(allOld(ds)), hash: 'new', now: NOW });
    assert.equal(plan.delete.length, deleted, name);
  }
});
