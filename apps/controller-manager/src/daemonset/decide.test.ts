// Cases ported from Kubernetes' pkg/controller/daemon/daemon_controller_test.go: each sync's
// creations and deletions (expectSyncDaemonSets(creates, deletes, events)).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DaemonSet, Node, Pod } from '@wheelhouse/model';
import { decideDaemonSet, type DaemonSetAction } from './decide.js';
import { claimDaemonPods } from './claim-pods.js';
import type { BackoffEntry } from './failed-pod-backoff.js';
import { HASH, NOW, SIMPLE_DAEMON_SET_LABEL, SIMPLE_DAEMON_SET_LABEL2, SIMPLE_NODE_LABEL, addNodes, addPods, newDaemonSet, newNode, newPod } from './fixtures.js';
import { targetNodeName } from './daemon-pod.js';

export function sync(ds: DaemonSet, nodes: Node[], pods: Pod[], backoff: Record<string, BackoffEntry> = {}, now = NOW): DaemonSetAction[] {
  return decideDaemonSet({
    ds,
    nodes,
    pods: claimDaemonPods(ds, pods).claimed,
    hash: HASH,
    oldRevisions: [],
    expectationsSatisfied: true,
    now,
    backoff: (key) => backoff[key],
  });
}
const creates = (actions: DaemonSetAction[]) => actions.flatMap((a) => (a.type === 'create' ? a.pods : []));
const deletes = (actions: DaemonSetAction[]) => actions.flatMap((a) => (a.type === 'delete' ? a.pods : []));
const events = (actions: DaemonSetAction[]) => actions.filter((a) => a.type === 'event');
/** expectSyncDaemonSets: the numbers of creations, deletions and events of one sync. */
function expectSync(actions: DaemonSetAction[], c: number, d: number, e: number, name: string) {
  assert.deepEqual([creates(actions).length, deletes(actions).length, events(actions).length], [c, d, e], name);
}
const withSpec = (ds: DaemonSet, spec: Record<string, unknown>): DaemonSet => ({
  ...ds,
  spec: { ...ds.spec, template: { ...ds.spec!.template, spec: { ...ds.spec!.template!.spec!, ...spec } } },
});

test('launching and keeping pods (TestSimpleDaemonSetLaunchesPods … TestSelectorDaemonDealsWithExistingPods)', () => {
  const ds = newDaemonSet();
  const selectorDs = withSpec(ds, { nodeSelector: SIMPLE_NODE_LABEL });
  const cases: [string, DaemonSet, Node[], Pod[], number, number][] = [
    ['TestSimpleDaemonSetLaunchesPods', ds, addNodes(0, 5), [], 5, 0],
    ['TestNoNodesDoesNothing', ds, [], [], 0, 0],
    ['TestOneNodeDaemonLaunchesPod', ds, [newNode('only-node')], [], 1, 0],
    [
      'TestNotReadyNodeDaemonDoesLaunchPod (conditions alone keep no daemon off)',
      ds,
      [{ ...newNode('not-ready'), status: { conditions: [{ type: 'Ready', status: 'False' }] } }],
      [],
      1,
      0,
    ],
    [
      'TestDealsWithExistingPods',
      ds,
      addNodes(0, 5),
      [
        ...addPods('node-1', SIMPLE_DAEMON_SET_LABEL, ds, 1),
        ...addPods('node-2', SIMPLE_DAEMON_SET_LABEL, ds, 2),
        ...addPods('node-3', SIMPLE_DAEMON_SET_LABEL, ds, 5),
        ...addPods('node-4', SIMPLE_DAEMON_SET_LABEL2, ds, 2),
      ],
      2,
      5,
    ],
    ['TestSelectorDaemonLaunchesPods', selectorDs, [...addNodes(0, 4), ...addNodes(4, 3, SIMPLE_NODE_LABEL)], [], 3, 0],
    [
      'TestSelectorDaemonDeletesUnselectedPods',
      selectorDs,
      [...addNodes(0, 5), ...addNodes(5, 5, SIMPLE_NODE_LABEL)],
      [
        ...addPods('node-0', SIMPLE_DAEMON_SET_LABEL2, ds, 2),
        ...addPods('node-1', SIMPLE_DAEMON_SET_LABEL, ds, 3),
        ...addPods('node-1', SIMPLE_DAEMON_SET_LABEL2, ds, 1),
        ...addPods('node-4', SIMPLE_DAEMON_SET_LABEL, ds, 1),
      ],
      5,
      4,
    ],
    [
      'TestSelectorDaemonDealsWithExistingPods',
      selectorDs,
      [...addNodes(0, 5), ...addNodes(5, 5, SIMPLE_NODE_LABEL)],
      [
        ...addPods('node-0', SIMPLE_DAEMON_SET_LABEL, ds, 1),
        ...addPods('node-1', SIMPLE_DAEMON_SET_LABEL, ds, 3),
        ...addPods('node-1', SIMPLE_DAEMON_SET_LABEL2, ds, 2),
        ...addPods('node-2', SIMPLE_DAEMON_SET_LABEL, ds, 4),
        ...addPods('node-6', SIMPLE_DAEMON_SET_LABEL, ds, 13),
        ...addPods('node-7', SIMPLE_DAEMON_SET_LABEL2, ds, 4),
        ...addPods('node-9', SIMPLE_DAEMON_SET_LABEL, ds, 1),
        ...addPods('node-9', SIMPLE_DAEMON_SET_LABEL2, ds, 1),
      ],
      3,
      20,
    ],
    ['TestBadSelectorDaemonDoesNothing', withSpec(ds, { nodeSelector: { ...SIMPLE_NODE_LABEL, color: 'red' } }), addNodes(0, 4, SIMPLE_NODE_LABEL), [], 0, 0],
    ['TestNameDaemonSetLaunchesPods', withSpec(ds, { nodeName: 'node-0' }), addNodes(0, 5), [], 1, 0],
    ['TestBadNameDaemonSetDoesNothing', withSpec(ds, { nodeName: 'node-10' }), addNodes(0, 5), [], 0, 0],
    [
      'TestNameAndSelectorDaemonSetLaunchesPods',
      withSpec(ds, { nodeName: 'node-6', nodeSelector: SIMPLE_NODE_LABEL }),
      [...addNodes(0, 4), ...addNodes(4, 3, SIMPLE_NODE_LABEL)],
      [],
      1,
      0,
    ],
    [
      'TestInconsistentNameSelectorDaemonSetDoesNothing',
      withSpec(ds, { nodeName: 'node-0', nodeSelector: SIMPLE_NODE_LABEL }),
      [...addNodes(0, 4), ...addNodes(4, 3, SIMPLE_NODE_LABEL)],
      [],
      0,
      0,
    ],
    [
      'TestNodeAffinityDaemonLaunchesPods',
      withSpec(ds, {
        affinity: {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'color', operator: 'In', values: ['blue'] }] }] } },
        },
      }),
      [...addNodes(0, 4), ...addNodes(4, 3, SIMPLE_NODE_LABEL)],
      [],
      3,
      0,
    ],
    [
      'node affinity on matchFields metadata.name',
      withSpec(ds, {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }] },
          },
        },
      }),
      addNodes(0, 4),
      [],
      1,
      0,
    ],
    ['TestDaemonSetRespectsTermination', ds, addNodes(0, 1), addPods('node-0', SIMPLE_DAEMON_SET_LABEL, ds, 1, { deleting: true }), 0, 0],
    [
      'TestUnschedulableNodeDaemonDoesLaunchPod',
      ds,
      [newNode('node1', {}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }], { unschedulable: true })],
      [],
      1,
      0,
    ],
  ];
  for (const [name, d, nodes, pods, c, del] of cases) expectSync(sync(d, nodes, pods), c, del, 0, name);
});

test('created pods are pinned by affinity, not bound, and carry the daemon tolerations and labels', () => {
  const ds = withSpec(newDaemonSet(), {
    tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }],
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] }] } } },
  });
  const [pod] = creates(sync(ds, addNodes(0, 1), []));
  assert.equal(pod!.spec?.nodeName, undefined);
  assert.deepEqual(pod!.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution, {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-0'] }] }],
  });
  assert.equal(targetNodeName(pod!), 'node-0');
  assert.deepEqual(pod!.metadata.labels, { ...SIMPLE_DAEMON_SET_LABEL, 'pod-template-generation': '1', 'controller-revision-hash': HASH });
  assert.equal(pod!.metadata.generateName, 'foo-');
  assert.deepEqual(pod!.metadata.ownerReferences?.[0], { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: 'uid-foo', controller: true, blockOwnerDeletion: true });
  // The user's equal toleration (same key, operator, value, effect) is replaced: daemon pods are never evicted after 5 s.
  assert.deepEqual(
    pod!.spec?.tolerations?.map((t) => `${t.key}:${t.effect}${t.tolerationSeconds ? `:${t.tolerationSeconds}` : ''}`),
    [
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ],
  );
  const hostNetwork = creates(sync(withSpec(newDaemonSet(), { hostNetwork: true }), addNodes(0, 1), []))[0]!;
  assert.ok(hostNetwork.spec?.tolerations?.some((t) => t.key === 'node.kubernetes.io/network-unavailable' && t.effect === 'NoSchedule'));
});

test('taints and tolerations (TestTaintedNode…, TestNoScheduleTainted…, TestNoExecuteTainted…, pressure and network taints)', () => {
  const ds = newDaemonSet();
  const tainted = (key: string, effect: string, value?: string) => newNode('tainted', {}, [{ key, effect, ...(value ? { value } : {}) }]);
  const tolerating = withSpec(ds, { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] });
  const cases: [string, DaemonSet, Node[], Pod[], number, number][] = [
    ['TestTaintedNodeDaemonDoesNotLaunchIntolerantPod', ds, [tainted('dedicated', 'NoSchedule', 'gpu')], [], 0, 0],
    ['TestTaintedNodeDaemonLaunchesToleratePod', tolerating, [tainted('dedicated', 'NoSchedule', 'gpu')], [], 1, 0],
    ['TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod', ds, [tainted('dedicated', 'NoSchedule', 'gpu')], addPods('tainted', SIMPLE_DAEMON_SET_LABEL, ds, 1), 0, 0],
    ['TestNoExecuteTaintedDoesEvicitRunningIntolerantPod', ds, [tainted('dedicated', 'NoExecute', 'gpu')], addPods('tainted', SIMPLE_DAEMON_SET_LABEL, ds, 1), 0, 1],
    ['TestNotReadyNodeDaemonLaunchesPod (not-ready NoExecute is tolerated)', ds, [tainted('node.kubernetes.io/not-ready', 'NoExecute')], [], 1, 0],
    ['TestUnreachableTaintedNodeDaemonLaunchesPod', ds, [tainted('node.kubernetes.io/unreachable', 'NoExecute')], [], 1, 0],
    ['not-ready NoSchedule keeps new daemon pods off', ds, [tainted('node.kubernetes.io/not-ready', 'NoSchedule')], [], 0, 0],
    [
      'TestTaintPressureNodeDaemonLaunchesPod',
      ds,
      [
        newNode('pressure', {}, [
          { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' },
        ]),
      ],
      [],
      1,
      0,
    ],
    [
      'TestNetworkUnavailableNodeDaemonLaunchesPod (host network)',
      withSpec(ds, { hostNetwork: true }),
      [tainted('node.kubernetes.io/network-unavailable', 'NoSchedule')],
      [],
      1,
      0,
    ],
    ['network-unavailable keeps a pod network daemon off', ds, [tainted('node.kubernetes.io/network-unavailable', 'NoSchedule')], [], 0, 0],
  ];
  for (const [name, d, nodes, pods, c, del] of cases) expectSync(sync(d, nodes, pods), c, del, 0, name);
});

test('TestDaemonKillFailedPods and the succeeded-pod case', () => {
  const ds = newDaemonSet();
  const cases: [string, number, number, number, number, number][] = [
    ['normal (do nothing)', 0, 1, 0, 0, 0],
    ['no pods (create 1)', 0, 0, 1, 0, 0],
    ['1 failed pod (kill 1), 0 normal pod (create 0; will create in the next sync)', 1, 0, 0, 1, 1],
    ['1 failed pod (kill 1), 3 normal pods (kill 2)', 1, 3, 0, 3, 1],
  ];
  for (const [name, failed, normal, c, d, e] of cases) {
    const pods = [...addPods('node-0', SIMPLE_DAEMON_SET_LABEL, ds, failed, { phase: 'Failed' }), ...addPods('node-0', SIMPLE_DAEMON_SET_LABEL, ds, normal)];
    expectSync(sync(ds, addNodes(0, 1), pods), c, d, e, name);
  }
  const succeeded = sync(ds, addNodes(0, 1), addPods('node-0', SIMPLE_DAEMON_SET_LABEL, ds, 1, { phase: 'Succeeded' }));
  expectSync(succeeded, 0, 1, 1, 'a succeeded pod is deleted');
  assert.match((events(succeeded)[0] as { message: string }).message, /^Found succeeded daemon pod default\/node-0-\d+ on node node-0, will try to delete it$/);
});

test('TestDaemonKillFailedPodsBackoff: a failed pod is replaced after 1 s, then after a doubling delay', () => {
  const ds = newDaemonSet();
  const failed = () => addPods('node-0', SIMPLE_DAEMON_SET_LABEL, ds, 1, { phase: 'Failed' });
  const first = sync(ds, addNodes(0, 1), failed());
  expectSync(first, 0, 1, 1, 'first failure: killed at once');
  assert.match((events(first)[0] as { message: string }).message, /^Found failed daemon pod default\/node-0-\d+ on node node-0, will try to kill it$/);
  assert.deepEqual(
    first.find((a) => a.type === 'backoff'),
    { type: 'backoff', keys: ['uid-foo/node-0'] },
  );
  const backoff = { 'uid-foo/node-0': { delayMs: 1000, lastUpdate: NOW.getTime() } };
  const waiting = sync(ds, addNodes(0, 1), failed(), backoff, new Date(NOW.getTime() + 400));
  expectSync(waiting, 0, 0, 0, 'inside the back-off: left alone');
  assert.deepEqual(
    waiting.find((a) => a.type === 'requeueAfter'),
    { type: 'requeueAfter', ms: 600 },
  );
  expectSync(sync(ds, addNodes(0, 1), failed(), backoff, new Date(NOW.getTime() + 1000)), 0, 1, 1, 'after the back-off: killed');
});

test('TestDeleteUnscheduledPodForNotExistingNode: only unbound pods pinned to a vanished node go', () => {
  const ds = newDaemonSet();
  const pods = [
    ...addPods('node-0', SIMPLE_DAEMON_SET_LABEL, ds, 1),
    ...addPods('node-1', SIMPLE_DAEMON_SET_LABEL, ds, 1),
    ...addPods('node-2', SIMPLE_DAEMON_SET_LABEL, ds, 1, { bound: false }),
  ];
  const actions = sync(ds, addNodes(0, 1), pods);
  expectSync(actions, 0, 1, 0, 'one unscheduled pod deleted');
  assert.equal(targetNodeName(deletes(actions)[0]!), 'node-2');
});

test('surge: TestSurgePreservesReadyOldPods, TestSurgeDeletesUnreadyOldPods, min-ready cases', () => {
  const ds = newDaemonSet('foo', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } });
  const at = (s: number) => new Date(s * 1000);
  const scenario = (oldReady: boolean, minReadySeconds = 0, newReadyFor?: number) => {
    const d = { ...ds, spec: { ...ds.spec, minReadySeconds } };
    const newOne = newPod('node-1', SIMPLE_DAEMON_SET_LABEL, d, {
      created: at(100),
      ...(newReadyFor !== undefined ? { ready: true, readySince: new Date(NOW.getTime() - newReadyFor * 1000) } : {}),
    });
    const oldest = newPod('node-1', SIMPLE_DAEMON_SET_LABEL, d, { hash: null, created: at(50), ready: oldReady });
    const other = newPod('node-1', SIMPLE_DAEMON_SET_LABEL, d, { hash: null, created: at(60), ready: true });
    const actions = sync(d, addNodes(0, 5), [newOne, oldest, other, ...addPods('node-2', SIMPLE_DAEMON_SET_LABEL, d, 1)]);
    return { actions, deleted: deletes(actions).map((p) => p.metadata.name), oldest, other };
  };
  const preserve = scenario(true);
  expectSync(preserve.actions, 3, 1, 0, 'TestSurgePreservesReadyOldPods');
  assert.deepEqual(preserve.deleted, [preserve.other.metadata.name]);
  const unready = scenario(false);
  expectSync(unready.actions, 3, 2, 0, 'TestSurgeDeletesUnreadyOldPods');
  assert.deepEqual(unready.deleted.sort(), [unready.oldest.metadata.name, unready.other.metadata.name].sort());
  expectSync(scenario(true, 15, 10).actions, 3, 1, 0, 'TestSurgePreservesOldReadyWithUnsatisfiedMinReady');
  expectSync(scenario(true, 15, 20).actions, 3, 2, 0, 'TestSurgeDeletesOldReadyWithUnsatisfiedMinReady');
  const existing = sync(ds, addNodes(0, 5), [
    ...addPods('node-1', SIMPLE_DAEMON_SET_LABEL, ds, 1),
    ...addPods('node-2', SIMPLE_DAEMON_SET_LABEL, ds, 2),
    ...addPods('node-3', SIMPLE_DAEMON_SET_LABEL, ds, 5),
    ...addPods('node-4', SIMPLE_DAEMON_SET_LABEL2, ds, 2),
  ]);
  expectSync(existing, 2, 5, 0, 'TestSurgeDealsWithExistingPods');
});

test('status: TestNumberReadyStatus, TestObservedGeneration, misscheduled and updated counts', () => {
  const ds = { ...newDaemonSet(), metadata: { ...newDaemonSet().metadata, generation: 2 } };
  const statusOf = (actions: DaemonSetAction[]) => actions.find((a) => a.type === 'status')?.status;
  const nodes = [...addNodes(0, 2), newNode('tainted', {}, [{ key: 'k', effect: 'NoSchedule' }])];
  const pods = [
    ...addPods('node-0', SIMPLE_DAEMON_SET_LABEL, ds, 1, { ready: true }),
    ...addPods('node-1', SIMPLE_DAEMON_SET_LABEL, ds, 1, { hash: 'old' }),
    ...addPods('tainted', SIMPLE_DAEMON_SET_LABEL, ds, 1),
  ];
  assert.deepEqual(statusOf(sync(ds, nodes, pods)), {
    desiredNumberScheduled: 2,
    currentNumberScheduled: 2,
    numberMisscheduled: 1,
    numberReady: 1,
    updatedNumberScheduled: 1,
    numberAvailable: 1,
    numberUnavailable: 1,
    observedGeneration: 2,
  });
  // Expectations not yet met: the counts still go out, the generation is not observed.
  const pending = decideDaemonSet({ ds, nodes, pods, hash: HASH, oldRevisions: [], expectationsSatisfied: false, now: NOW, backoff: () => undefined });
  assert.equal(statusOf(pending)?.observedGeneration, undefined);
  assert.deepEqual(
    pending.map((a) => a.type),
    ['status'],
  );
  // Nothing changed: no write.
  const settled = { ...ds, status: statusOf(sync(ds, nodes, pods)) };
  assert.equal(statusOf(sync(settled, nodes, pods)), undefined);
  // Ready for 30 s, not yet available for minReadySeconds 60: look again when it is (30 s + 1 s of slack).
  const minReady = { ...ds, spec: { ...ds.spec, minReadySeconds: 60 } };
  assert.deepEqual(
    sync(minReady, nodes, pods).find((a) => a.type === 'requeueAfter'),
    { type: 'requeueAfter', ms: 31_000 },
  );
  // A surge pod beside an available old pod (the status counts the old one) still brings the DaemonSet back when it becomes available.
  const surge = { ...ds, spec: { ...ds.spec, minReadySeconds: 15, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } } };
  const surgePods = [
    newPod('node-0', SIMPLE_DAEMON_SET_LABEL, surge, { hash: 'old', ready: true, readySince: new Date(NOW.getTime() - 600_000) }),
    newPod('node-0', SIMPLE_DAEMON_SET_LABEL, surge, { ready: true, readySince: new Date(NOW.getTime() - 10_000) }),
  ];
  const surgeActions = sync(surge, addNodes(0, 1), surgePods);
  assert.deepEqual(deletes(surgeActions), []);
  assert.deepEqual(
    surgeActions.find((a) => a.type === 'requeueAfter'),
    { type: 'requeueAfter', ms: 6_000 },
  );
});

test('a DaemonSet being deleted is left alone', () => {
  const ds = { ...newDaemonSet(), metadata: { ...newDaemonSet().metadata, deletionTimestamp: NOW.toISOString() } };
  assert.deepEqual(sync(ds, addNodes(0, 3), []), []);
});
