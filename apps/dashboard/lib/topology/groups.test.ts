import { test } from 'node:test';
import assert from 'node:assert/strict';
import { focusKey, groupTopology, objectCount } from './groups.ts';
import { focusInput } from './focus.ts';
import type { Node, Pod, Workload } from '../kinds/objects.ts';

const owner = (kind: string, name: string) => [{ apiVersion: 'apps/v1', kind, name, uid: `${kind}-${name}`, controller: true }];
const deploy = (name: string, namespace = 'default', ready = 1): Workload => ({
  metadata: { name, namespace, uid: `Deployment-${name}` },
  spec: { replicas: 1 },
  status: { readyReplicas: ready, availableReplicas: ready, replicas: 1 },
});
const rs = (name: string, ownerName: string, namespace = 'default'): Workload => ({
  metadata: { name, namespace, uid: `ReplicaSet-${name}`, ownerReferences: owner('Deployment', ownerName) },
  spec: { replicas: 1 },
  status: { readyReplicas: 1 },
});
const pod = (name: string, rsName: string | undefined, nodeName: string | undefined, phase = 'Running', namespace = 'default'): Pod => ({
  metadata: { name, namespace, uid: `Pod-${name}`, ownerReferences: rsName ? owner('ReplicaSet', rsName) : undefined },
  spec: { nodeName, containers: [{ name: 'c', image: 'x' }] },
  status: {
    phase,
    containerStatuses: [
      { name: 'c', image: 'x', imageID: '', restartCount: 0, ready: phase === 'Running', state: phase === 'Running' ? { running: { startedAt: '2026-01-01T00:00:00Z' } } : {} },
    ],
  },
});
const node = (name: string): Node => ({ metadata: { name, uid: `Node-${name}` }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });

const input = {
  deployments: [deploy('web'), deploy('db', 'data', 0)],
  replicaSets: [rs('web-1', 'web'), rs('db-1', 'db', 'data')],
  pods: [pod('web-1-a', 'web-1', 'n1'), pod('web-1-b', 'web-1', 'n2'), pod('db-1-a', 'db-1', 'n1', 'Failed', 'data'), pod('bare', undefined, undefined, 'Pending')],
  nodes: [node('n1'), node('n2')],
  services: [{ metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } }],
};

test('groups by namespace count deployments and pods, the failing first', () => {
  const groups = groupTopology(input, 'namespace');
  assert.deepEqual(
    groups.map((g) => [g.label, g.deployments, g.pods, g.healthyPods, g.tone]),
    [
      ['data', 1, 1, 0, 'red'],
      ['default', 1, 3, 2, 'yellow'],
    ],
  );
  assert.deepEqual(groups[0]!.open, { namespace: 'data' });
  assert.equal(objectCount(input), 8);
});

test('groups by owner follow pod → ReplicaSet → Deployment and open as a focus on the Deployment', () => {
  const groups = groupTopology(input, 'owner');
  const web = groups.find((g) => g.label === 'Deployment default/web')!;
  assert.equal(web.pods, 2);
  assert.deepEqual(web.open, { focus: 'Deployment/default/web' });
  assert.equal(groups.find((g) => g.label === 'Pods without a known owner')!.pods, 1);
});

test('groups by node, unscheduled pods apart', () => {
  const groups = groupTopology(input, 'node');
  assert.deepEqual(groups.map((g) => [g.label, g.pods]).sort(), [
    ['n1', 2],
    ['n2', 1],
    ['not scheduled', 1],
  ]);
  assert.deepEqual(groups.find((g) => g.label === 'n1')!.open, { focus: 'Node//n1' });
});

test('focus on a Deployment: its ReplicaSets, their pods and the nodes they run on', () => {
  const f = focusInput(input, focusKey('Deployment', input.deployments[0]!));
  assert.deepEqual(
    f.pods.map((p) => p.metadata.name),
    ['web-1-a', 'web-1-b'],
  );
  assert.deepEqual(
    f.replicaSets.map((r) => r.metadata.name),
    ['web-1'],
  );
  assert.deepEqual(
    f.nodes.map((n) => n.metadata.name),
    ['n1', 'n2'],
  );
  assert.equal(f.services?.length, 1, 'Services of the namespace (routeLinks keeps those selecting the pods)');
});

test('focus on a pod: its owner chain and node; on a node: its pods and their owners', () => {
  const p = focusInput(input, 'Pod/default/web-1-a');
  assert.deepEqual([p.deployments.length, p.replicaSets.length, p.pods.length, p.nodes.map((n) => n.metadata.name)], [1, 1, 1, ['n1']]);
  const n = focusInput(input, 'Node//n1');
  assert.deepEqual(n.pods.map((x) => x.metadata.name).sort(), ['db-1-a', 'web-1-a']);
  assert.deepEqual(n.deployments.map((x) => x.metadata.name).sort(), ['db', 'web']);
  assert.equal(focusInput(input, 'Pod/default/gone').pods.length, 0);
});
