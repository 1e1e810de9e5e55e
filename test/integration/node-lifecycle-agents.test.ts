import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { startTestApi, type TestApi } from '../support/api.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
import { spawnComponent, type ComponentProcess } from '../support/component.js';
import { spawnNodeAgent, type NodeAgentProcess } from '../support/node-agent.js';

// Node failure with real node agents (simulated runtime), the controller-manager and the
// scheduler: the whole path from a silent Lease to the Deployment running elsewhere.
const NODES = ['agent-1', 'agent-2', 'agent-3'];

let api: TestApi;
let manager: ComponentProcess;
let scheduler: ComponentProcess;
const agents = new Map<string, NodeAgentProcess>();
before(async () => {
  api = await startTestApi({ env: { WHEELHOUSE_DEFAULT_TOLERATION_SECONDS: '2' } });
  for (const name of NODES) agents.set(name, spawnNodeAgent(api.url, { nodeName: name, runtime: 'simulated' }));
  manager = spawnControllerManager(api.url, { WHEELHOUSE_NODE_MONITOR_GRACE_PERIOD_SECONDS: '6' });
  scheduler = spawnComponent('apps/scheduler/dist/main.js', api.url);
});
after(async () => {
  for (const agent of agents.values()) await agent.stop();
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
  spec: { nodeName: string | null };
  status: { phase: string | null } | null;
}
const pods = async (): Promise<PodView[]> =>
  (await api.ok(`query { pods(namespace: "default", labelSelector: "app=web") { items { metadata { name deletionTimestamp } spec { nodeName } status { phase } } } }`)).pods.items;
const allRunning = (replicas: number, allowed: (node: string) => boolean, what: string) =>
  eventually(
    async () => {
      const all = await pods();
      return all.length === replicas && all.every((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running' && allowed(p.spec.nodeName ?? '')) ? all : undefined;
    },
    120_000,
    what,
  );

test('stop an agent: its node goes Unknown, gets the taint, its pods are evicted and the Deployment runs on the other nodes', async () => {
  await eventually(
    async () => {
      const { nodes } = await api.ok(`query { nodes { items { metadata { name } status { conditions { type status } } } } }`);
      const ready = nodes.items.filter((n: { status: { conditions: { type: string; status: string }[] | null } }) =>
        n.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
      );
      return ready.length === NODES.length;
    },
    60_000,
    'three Ready nodes',
  );
  await api.ok(`mutation($input: DeploymentInput!) { createDeployment(namespace: "default", input: $input) { metadata { name } } }`, {
    input: {
      metadata: { name: 'web' },
      spec: {
        replicas: 6,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { terminationGracePeriodSeconds: 2, containers: [{ name: 'app', image: 'busybox:1.36', resources: { requests: { cpu: '100m' } } }] },
        },
      },
    },
  });
  const placed = await allRunning(6, () => true, 'six web pods Running');
  const victim = placed[0]!.spec.nodeName!;
  const lost = placed.filter((p) => p.spec.nodeName === victim).map((p) => p.metadata.name);

  // A crash, not a shutdown: nothing is reported or cleaned up any more.
  const agent = agents.get(victim)!;
  agent.kill('SIGKILL');
  await once(agent, 'exit');
  agents.delete(victim);

  const node = await eventually(
    async () => {
      const { node } = await api.ok(
        `query($name: String!) { node(name: $name) { spec { taints { key effect timeAdded } } status { conditions { type status reason message } } } }`,
        { name: victim },
      );
      const ready = node.status.conditions.find((c: { type: string }) => c.type === 'Ready');
      const tainted = node.spec.taints?.some((t: { key: string; effect: string }) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute');
      return ready.status === 'Unknown' && tainted ? node : undefined;
    },
    60_000,
    `${victim} Unknown and tainted unreachable`,
  );
  assert.deepEqual(
    node.status.conditions.map((c: { type: string; status: string; reason: string }) => [c.type, c.status, c.reason]),
    [
      ['MemoryPressure', 'Unknown', 'NodeStatusUnknown'],
      ['DiskPressure', 'Unknown', 'NodeStatusUnknown'],
      ['PIDPressure', 'Unknown', 'NodeStatusUnknown'],
      ['Ready', 'Unknown', 'NodeStatusUnknown'],
    ],
  );

  const after = await allRunning(6, (n) => n !== victim, `six web pods Running on the nodes other than ${victim}`);
  assert.ok(
    after.every((p) => !lost.includes(p.metadata.name)),
    "the dead node's pods are gone",
  );
});
