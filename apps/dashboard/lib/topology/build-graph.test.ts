import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTopology, COLUMN_WIDTH, ROW_HEIGHT } from './build-graph.ts';
import type { Node, Pod, Workload } from '../kinds/objects.ts';

const owner = (kind: string, name: string) => [{ kind, name, uid: `${kind}-${name}`, controller: true }];
const deploy = (name: string): Workload => ({
  metadata: { name, namespace: 'default', uid: `Deployment-${name}` },
  spec: { replicas: 1 },
  status: { readyReplicas: 1, availableReplicas: 1, replicas: 1 },
});
const rs = (name: string, ownerName?: string): Workload => ({
  metadata: { name, namespace: 'default', uid: `ReplicaSet-${name}`, ownerReferences: ownerName ? owner('Deployment', ownerName) : undefined },
  spec: { replicas: 1 },
  status: { readyReplicas: 0 },
});
const pod = (name: string, rsName: string | undefined, nodeName?: string): Pod => ({
  metadata: { name, namespace: 'default', uid: `Pod-${name}`, ownerReferences: rsName ? owner('ReplicaSet', rsName) : undefined },
  spec: { nodeName },
  status: { phase: 'Running' },
});
const node = (name: string): Node => ({ metadata: { name, uid: `Node-${name}` }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });

const input = {
  deployments: [deploy('web'), deploy('api')],
  replicaSets: [rs('web-1', 'web'), rs('api-1', 'api'), rs('orphan')],
  pods: [pod('web-1-a', 'web-1', 'n1'), pod('api-1-a', 'api-1', 'n2'), pod('bare', undefined), pod('web-1-b', 'web-1', 'n1')],
  nodes: [node('n1'), node('n2'), node('idle')],
};

test('ownership and placement edges: Deployment → ReplicaSet → Pod → Node', () => {
  const { edges } = buildTopology(input);
  const pairs = edges.map((e) => `${e.source} ${e.relation} ${e.target}`).sort();
  assert.deepEqual(pairs, [
    'Deployment/Deployment-api owns ReplicaSet/ReplicaSet-api-1',
    'Deployment/Deployment-web owns ReplicaSet/ReplicaSet-web-1',
    'Pod/Pod-api-1-a runs-on Node/Node-n2',
    'Pod/Pod-web-1-a runs-on Node/Node-n1',
    'Pod/Pod-web-1-b runs-on Node/Node-n1',
    'ReplicaSet/ReplicaSet-api-1 owns Pod/Pod-api-1-a',
    'ReplicaSet/ReplicaSet-web-1 owns Pod/Pod-web-1-a',
    'ReplicaSet/ReplicaSet-web-1 owns Pod/Pod-web-1-b',
  ]);
});

test('one column per kind, rows follow the owners so edges run across', () => {
  const { nodes } = buildTopology(input);
  const at = (kind: string) => nodes.filter((n) => n.kind === kind).map((n) => `${n.name}@${n.position.x / COLUMN_WIDTH},${n.position.y / ROW_HEIGHT}`);
  assert.deepEqual(at('Deployment'), ['api@0,0', 'web@0,1']);
  assert.deepEqual(at('ReplicaSet'), ['api-1@1,0', 'web-1@1,1', 'orphan@1,2']);
  assert.deepEqual(at('Pod'), ['api-1-a@2,0', 'web-1-a@2,1', 'web-1-b@2,2', 'bare@2,3']);
  // Only nodes that run one of the pods, in the order their pods come.
  assert.deepEqual(at('Node'), ['n2@3,0', 'n1@3,1']);
});

test('statuses and tones come from the kubectl-style helpers', () => {
  const { nodes } = buildTopology(input);
  const web = nodes.find((n) => n.name === 'web')!;
  assert.equal(web.status, 'ready 1/1');
  assert.equal(web.tone, 'green');
  assert.equal(nodes.find((n) => n.name === 'web-1')!.tone, 'red');
  assert.equal(nodes.find((n) => n.name === 'n1')!.status, 'Ready');
});

test('an empty namespace is an empty graph', () => {
  assert.deepEqual(buildTopology({ deployments: [], replicaSets: [], pods: [], nodes: [node('n1')] }), { nodes: [], edges: [] });
});

test('Ingress → Service → Pod: routed Services and the pods their selectors match, left of the Deployments', () => {
  const labelled = { ...input, pods: input.pods.map((p) => ({ ...p, metadata: { ...p.metadata, labels: { app: p.metadata.name?.startsWith('web') ? 'web' : 'other' } } })) };
  const service = { metadata: { name: 'web', namespace: 'default', uid: 'Service-web' }, spec: { selector: { app: 'web' } } };
  const unrelated = { metadata: { name: 'nothing', namespace: 'default', uid: 'Service-nothing' }, spec: { selector: { app: 'none' } } };
  const ingress = {
    metadata: { name: 'site', namespace: 'default', uid: 'Ingress-site' },
    spec: { rules: [{ host: 'a.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] },
    status: { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } },
  };
  const { nodes, edges } = buildTopology({ ...labelled, services: [service, unrelated], ingresses: [ingress] });
  const at = (kind: string) => nodes.filter((n) => n.kind === kind).map((n) => `${n.name}@${n.position.x / COLUMN_WIDTH},${n.position.y / ROW_HEIGHT} ${n.status}`);
  assert.deepEqual(at('Ingress'), ['site@-2,0 127.0.0.1']);
  assert.deepEqual(at('Service'), ['web@-1,0 ClusterIP']);
  assert.deepEqual(
    edges.filter((e) => e.relation === 'routes' || e.relation === 'selects').map((e) => `${e.source} ${e.relation} ${e.target}`),
    ['Service/Service-web selects Pod/Pod-web-1-a', 'Service/Service-web selects Pod/Pod-web-1-b', 'Ingress/Ingress-site routes Service/Service-web'],
  );
});
