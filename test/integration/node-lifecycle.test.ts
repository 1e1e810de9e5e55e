import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnComponent, type ComponentProcess } from '../support/component.js';
import { startHeartbeatNodes } from '../support/heartbeat-nodes.js';

// The node lifecycle controller with real processes: an API, the controller-manager and
// the scheduler; nodes whose Leases the test renews as their agents would (the heartbeat
// stand-in, to control exactly when each node falls silent; node-lifecycle-agents.test.ts
// runs the same story on real node agents).
const GRACE_SECONDS = 6;
const DEFAULT_TOLERATION_SECONDS = 2;

let api: TestApi;
let manager: ComponentProcess;
let scheduler: ComponentProcess;
let nodes: Awaited<ReturnType<typeof startHeartbeatNodes>>;
before(async () => {
  api = await startTestApi({ env: { WHEELHOUSE_DEFAULT_TOLERATION_SECONDS: String(DEFAULT_TOLERATION_SECONDS) } });
  nodes = await startHeartbeatNodes(api, ['node-a', 'node-b', 'node-c']);
  manager = spawnControllerManager(api.url, { WHEELHOUSE_NODE_MONITOR_GRACE_PERIOD_SECONDS: String(GRACE_SECONDS) });
  scheduler = spawnComponent('apps/scheduler/dist/main.js', api.url);
});
after(async () => {
  nodes?.close();
  for (const child of [manager, scheduler]) {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  await api?.close();
});

interface PodView {
  metadata: { name: string; deletionTimestamp: string | null };
  spec: { nodeName: string | null; tolerations: { key: string; effect: string; tolerationSeconds: number | null }[] };
  status: { phase: string | null; conditions: { type: string; status: string }[] | null } | null;
}
interface NodeView {
  spec: { unschedulable: boolean | null; taints: { key: string; effect: string; timeAdded: string | null }[] | null };
  status: { conditions: { type: string; status: string; reason: string | null; message: string | null }[] | null };
}

const PODS = `query($s: String) { pods(namespace: "default", labelSelector: $s) { items { metadata { name deletionTimestamp } spec { nodeName tolerations { key effect tolerationSeconds } } status { phase conditions { type status } } } } }`;
const pods = async (selector: string): Promise<PodView[]> => (await api.ok(PODS, { s: selector })).pods.items;
const getNode = async (name: string): Promise<NodeView> =>
  (
    await api.ok(`query($name: String!) { node(name: $name) { spec { unschedulable taints { key effect timeAdded } } status { conditions { type status reason message } } } }`, {
      name,
    })
  ).node;
const taintKeys = (node: NodeView) => (node.spec.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();
const events = async (fieldSelector: string) =>
  (await api.ok(`query($f: String) { events(fieldSelector: $f) { items { type reason message involvedObject { kind name } } } }`, { f: fieldSelector })).events.items as {
    type: string;
    reason: string;
    message: string;
    involvedObject: { kind: string; name: string };
  }[];

const createDeployment = (name: string, replicas: number) =>
  api.ok(`mutation($input: DeploymentInput!) { createDeployment(namespace: "default", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { terminationGracePeriodSeconds: 2, containers: [{ name: 'app', image: 'busybox:1.36', resources: { requests: { cpu: '100m' } } }] },
        },
      },
    },
  });

const runningOn = async (selector: string, replicas: number, allowed: (node: string) => boolean, what: string) =>
  eventually(
    async () => {
      const all = await pods(selector);
      const ok = all.length === replicas && all.every((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running' && p.spec.nodeName && allowed(p.spec.nodeName));
      return ok ? all : undefined;
    },
    90_000,
    what,
  );

describe('node lifecycle controller (nodes: heartbeat stand-in, not node agents)', () => {
  test('an agent stops: its node goes Unknown and is tainted, its pods are evicted and replaced on the other nodes, and it recovers', async () => {
    await createDeployment('web', 6);
    const placed = await runningOn('app=web', 6, () => true, 'six web pods running');
    assert.deepEqual(
      placed[0]!.spec.tolerations.filter((t) => t.key.startsWith('node.kubernetes.io/')).map((t) => [t.key, t.effect, t.tolerationSeconds]),
      [
        ['node.kubernetes.io/not-ready', 'NoExecute', DEFAULT_TOLERATION_SECONDS],
        ['node.kubernetes.io/unreachable', 'NoExecute', DEFAULT_TOLERATION_SECONDS],
      ],
      'the API added the default tolerations with the configured seconds',
    );
    const victim = placed[0]!.spec.nodeName!;
    const evictees = placed.filter((p) => p.spec.nodeName === victim).map((p) => p.metadata.name);
    // A pod that tolerates the unreachable taint for an hour stays, but is no longer Ready.
    await api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name: 'patient', labels: { app: 'patient' } },
        spec: {
          nodeName: victim,
          tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 3600 }],
          containers: [{ name: 'app', image: 'busybox:1.36' }],
        },
      },
    });
    await runningOn('app=patient', 1, (n) => n === victim, 'the patient pod running');

    nodes.stop(victim);
    const unknown = await eventually(
      async () => {
        const node = await getNode(victim);
        return node.status.conditions?.find((c) => c.type === 'Ready')?.status === 'Unknown' ? node : undefined;
      },
      60_000,
      `${victim} Ready=Unknown`,
    );
    for (const condition of unknown.status.conditions!) {
      assert.equal(condition.status, 'Unknown', `${condition.type} is Unknown`);
      assert.ok(['NodeStatusUnknown', 'NodeStatusNeverUpdated'].includes(condition.reason!), `${condition.type}: ${condition.reason}`);
    }
    const ready = unknown.status.conditions!.find((c) => c.type === 'Ready')!;
    assert.deepEqual([ready.reason, ready.message], ['NodeStatusUnknown', 'Kubelet stopped posting node status.']);

    const tainted = await eventually(
      async () => {
        const node = await getNode(victim);
        return taintKeys(node).includes('node.kubernetes.io/unreachable:NoExecute') ? node : undefined;
      },
      30_000,
      `${victim} tainted unreachable`,
    );
    assert.deepEqual(taintKeys(tainted), ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    assert.ok(tainted.spec.taints!.find((t) => t.effect === 'NoExecute')!.timeAdded, 'the NoExecute taint has timeAdded');

    // Evicted after 2 s, force-deleted after their 2 s grace (no agent confirms), replaced elsewhere.
    const replaced = await runningOn('app=web', 6, (n) => n !== victim, `six web pods running away from ${victim}`);
    assert.ok(
      replaced.every((p) => !evictees.includes(p.metadata.name)),
      'the pods of the dead node are gone, not just terminating',
    );
    const { history } = await api.ok(`query($name: String!) { history(kind: "Pod", namespace: "default", name: $name) { type object } }`, { name: evictees[0] });
    const disruption = history
      .map((h: { object: { status?: { conditions?: { type: string; reason?: string }[] } } }) => h.object.status?.conditions?.find((c) => c.type === 'DisruptionTarget'))
      .find(Boolean);
    assert.equal(disruption?.reason, 'DeletionByTaintManager', 'DisruptionTarget set before the eviction');
    const evictions = await events('reason=TaintManagerEviction');
    for (const name of evictees)
      assert.ok(
        evictions.some((e) => e.involvedObject.name === name && e.message === `Marking for deletion Pod default/${name}`),
        `eviction event for ${name}`,
      );

    const [patient] = await pods('app=patient');
    assert.ok(patient && !patient.metadata.deletionTimestamp, 'a pod tolerating the taint long enough stays');
    assert.equal(patient.status?.conditions?.find((c) => c.type === 'Ready')?.status, 'False', 'MarkPodsNotReady');
    assert.ok(
      (await events(`involvedObject.name=${victim},reason=NodeNotReady`)).some((e) => e.message === `Node ${victim} status is now: NodeNotReady`),
      'NodeNotReady event',
    );

    await nodes.revive(victim);
    await eventually(async () => taintKeys(await getNode(victim)).length === 0, 30_000, `${victim} untainted once Ready again`);
    await api.ok(`mutation { deletePod(namespace: "default", name: "patient", gracePeriodSeconds: 0) { metadata { name } } }`);
  });

  test('cordon keeps new pods off a node (with the unschedulable taint); uncordon lets them back', async () => {
    const onB = new Set((await pods('app=web')).filter((p) => p.spec.nodeName === 'node-b').map((p) => p.metadata.name));
    await api.ok(`mutation { cordonNode(name: "node-b") { metadata { name } } }`);
    await eventually(async () => taintKeys(await getNode('node-b')).includes('node.kubernetes.io/unschedulable:NoSchedule'), 30_000, 'unschedulable taint');
    await api.ok(`mutation { scaleDeployment(namespace: "default", name: "web", replicas: 9) { metadata { name } } }`);
    const scaled = await runningOn('app=web', 9, () => true, 'nine web pods running');
    const newOnB = scaled.filter((p) => p.spec.nodeName === 'node-b' && !onB.has(p.metadata.name));
    assert.deepEqual(newOnB, [], 'no new pod on the cordoned node');
    assert.ok(scaled.filter((p) => p.spec.nodeName === 'node-b').length === onB.size, 'its pods stay where they are');

    await api.ok(`mutation { uncordonNode(name: "node-b") { metadata { name } } }`);
    await eventually(async () => !taintKeys(await getNode('node-b')).includes('node.kubernetes.io/unschedulable:NoSchedule'), 30_000, 'unschedulable taint removed');
  });

  test('drain evicts all but DaemonSet pods, refuses unmanaged pods without force; the replacements avoid the node', async () => {
    const target = 'node-c';
    const create = (name: string, owner?: object) =>
      api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
        input: {
          metadata: { name, labels: { app: name }, ownerReferences: owner ? [owner] : [] },
          spec: { nodeName: target, containers: [{ name: 'app', image: 'busybox:1.36' }] },
        },
      });
    // A real DaemonSet (an owner that does not exist would have its pod garbage-collected), pinned to the drained node.
    await api.ok(`mutation($input: DaemonSetInput!) { createDaemonSet(namespace: "default", input: $input) { metadata { name } } }`, {
      input: {
        metadata: { name: 'log-agent' },
        spec: {
          selector: { matchLabels: { app: 'log-agent' } },
          template: {
            metadata: { labels: { app: 'log-agent' } },
            spec: { nodeSelector: { 'kubernetes.io/hostname': target }, containers: [{ name: 'app', image: 'busybox:1.36' }] },
          },
        },
      },
    });
    await runningOn('app=log-agent', 1, (n) => n === target, 'the DaemonSet pod running on the drained node');
    await create('scratch');
    await runningOn('app=scratch', 1, (n) => n === target, 'the unmanaged pod running');
    const DRAIN = `mutation($force: Boolean) { drainNode(name: "${target}", ignoreDaemonSets: true, force: $force) { cordoned evicted { name } skipped { name } errors } }`;

    const refused = (await api.ok(DRAIN, { force: false })).drainNode;
    assert.deepEqual(refused.errors, [`cannot delete Pods that declare no controller (use --force to override): default/scratch`]);
    assert.deepEqual(refused.evicted, []);

    const drained = (await api.ok(DRAIN, { force: true })).drainNode;
    assert.deepEqual(drained.errors, []);
    assert.equal(drained.cordoned, false, 'the first attempt cordoned it already');
    assert.equal(drained.skipped.length, 1);
    assert.match(drained.skipped[0].name, /^log-agent-/);
    assert.ok(drained.evicted.some((p: { name: string }) => p.name === 'scratch'));

    await runningOn('app=web', 9, (n) => n !== target, `web pods replaced away from ${target}`);
    await eventually(async () => (await pods('app=scratch')).length === 0, 30_000, 'the unmanaged pod gone');
    const [daemon] = await pods('app=log-agent');
    assert.ok(daemon && !daemon.metadata.deletionTimestamp && daemon.spec.nodeName === target, 'the DaemonSet pod stays');
  });

  test('every node silent at once: the controller doubts itself and lifts the NoExecute taints; they all recover', async () => {
    const all = ['node-a', 'node-b', 'node-c'];
    for (const name of all) nodes.stop(name);
    // The first node to fall silent may be tainted while the others still look Ready; once all are Unknown the taints go.
    await eventually(
      async () => {
        for (const name of all) {
          const node = await getNode(name);
          if (node.status.conditions?.find((c) => c.type === 'Ready')?.status !== 'Unknown') return false;
          const keys = taintKeys(node);
          if (!keys.includes('node.kubernetes.io/unreachable:NoSchedule') || keys.includes('node.kubernetes.io/unreachable:NoExecute')) return false;
        }
        return true;
      },
      60_000,
      'all nodes Unknown, unschedulable, without NoExecute taints',
    );
    for (const name of all) await nodes.revive(name);
    await eventually(
      async () => {
        for (const name of all) if ((await getNode(name)).spec.taints?.some((t) => t.key === 'node.kubernetes.io/unreachable')) return false;
        return true;
      },
      30_000,
      'all nodes untainted',
    );
  });

  test('the pods of a deleted node are garbage-collected after the quarantine', async () => {
    await api.ok(`mutation { createNode(input: { metadata: { name: "doomed" } }) { metadata { name } } }`);
    await api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
      input: { metadata: { name: 'orphan', labels: { app: 'orphan' } }, spec: { nodeName: 'doomed', containers: [{ name: 'app', image: 'busybox:1.36' }] } },
    });
    await api.ok(`mutation { deleteNode(name: "doomed") { metadata { name } } }`);
    assert.equal((await pods('app=orphan')).length, 1, 'the pod outlives its node at first');
    await eventually(async () => (await pods('app=orphan')).length === 0, 60_000, 'the orphaned pod deleted');
    const { history } = await api.ok(`query { history(kind: "Pod", namespace: "default", name: "orphan") { type object } }`);
    const last = history[history.length - 1] as { type: string; object: { status: { conditions?: { type: string; status: string; reason: string; message: string }[] } } };
    assert.equal(last.type, 'DELETED');
    const disruption = last.object.status.conditions?.find((c) => c.type === 'DisruptionTarget');
    assert.deepEqual(
      [disruption?.status, disruption?.reason, disruption?.message],
      ['True', 'DeletionByPodGC', 'PodGC: node no longer exists'],
      'marked DisruptionTarget before the delete',
    );
  });
});
