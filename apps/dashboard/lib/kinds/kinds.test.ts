import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podReady, podRestarts, podStatus } from './pod.ts';
import { nodeRoles, nodeStatus } from './node.ts';
import { selectorString, workloadHealth } from './workload.ts';
import { requestedByNode } from './resources.ts';
import { KINDS, hrefFor } from './registry.ts';
import { listDocument, watchDocument } from './documents.ts';
import type { Pod } from './objects.ts';

const pod = (over: Partial<Pod> = {}): Pod => ({
  metadata: { name: 'p', namespace: 'default', ...over.metadata },
  spec: { containers: [{ name: 'a' }, { name: 'b' }], ...over.spec },
  status: { phase: 'Running', ...over.status },
});

test('pod columns read like kubectl get pods', () => {
  const p = pod({
    status: {
      phase: 'Running',
      containerStatuses: [
        { ready: true, restartCount: 2 },
        { ready: false, restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } },
      ],
    },
  });
  assert.equal(podReady(p), '1/2');
  assert.equal(podRestarts(p), 3);
  assert.equal(podStatus(p), 'CrashLoopBackOff');
  assert.equal(podStatus(pod({ metadata: { deletionTimestamp: '2026-01-01T00:00:00Z' } })), 'Terminating');
  assert.equal(podStatus(pod({ status: { phase: 'Pending', initContainerStatuses: [{ state: { running: {} } }] } })), 'Init:0/1');
  assert.equal(podStatus(pod({ status: { phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 137 } } }] } })), 'ExitCode:137');
});

test('node status and roles read like kubectl get nodes', () => {
  const node = {
    metadata: { labels: { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/edge': '' } },
    spec: { unschedulable: true },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  };
  assert.equal(nodeStatus(node), 'Ready,SchedulingDisabled');
  assert.equal(nodeRoles(node), 'edge,worker');
  assert.equal(nodeStatus({ metadata: {} }), 'Unknown');
});

test('selectors render as kubectl prints them', () => {
  assert.equal(
    selectorString({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['a', 'b'] },
        { key: 'x', operator: 'DoesNotExist' },
      ],
    }),
    'app=web,tier in (a,b),!x',
  );
  assert.equal(selectorString({ app: 'rc' }), 'app=rc');
  assert.equal(selectorString(null), '<none>');
});

test('workload health compares available with desired replicas', () => {
  assert.equal(workloadHealth({ metadata: {}, spec: { replicas: 2 }, status: { availableReplicas: 2, replicas: 2 } }), 'healthy');
  assert.equal(workloadHealth({ metadata: {}, spec: { replicas: 3 }, status: { availableReplicas: 1 } }), 'progressing');
  assert.equal(workloadHealth({ metadata: {}, spec: { replicas: 3 }, status: {} }), 'degraded');
});

test('requests add up per node, skipping finished and unbound pods', () => {
  const withRequests = (node: string | undefined, phase: string, cpu: string, memory: string): Pod => ({
    metadata: {},
    spec: { nodeName: node, containers: [{ resources: { requests: { cpu, memory } } }] },
    status: { phase },
  });
  const totals = requestedByNode([
    withRequests('n1', 'Running', '250m', '1Gi'),
    withRequests('n1', 'Pending', '500m', '1Gi'),
    withRequests('n1', 'Succeeded', '4', '1Gi'),
    withRequests(undefined, 'Pending', '1', '1'),
  ]);
  assert.deepEqual(totals.get('n1'), { cpu: 0.75, memory: 2 * 2 ** 30, pods: 2 });
  assert.equal(totals.size, 1);
});

test('every kind has a unique path, documents name its root fields', () => {
  assert.equal(new Set(KINDS.map((k) => k.path)).size, KINDS.length);
  const pods = KINDS.find((k) => k.kind === 'Pod')!;
  assert.match(listDocument(pods), /list: pods\(labelSelector: \$labelSelector, fieldSelector: \$fieldSelector, namespace: \$namespace\)/);
  assert.match(watchDocument(pods), /watch: watchPods\(.*resourceVersion: \$resourceVersion, allowWatchBookmarks: true/);
  const nodes = KINDS.find((k) => k.kind === 'Node')!;
  assert.doesNotMatch(listDocument(nodes), /\$namespace/);
  assert.equal(hrefFor('Pod', 'web-1', 'prod'), '/pods/prod/web-1');
  assert.equal(hrefFor('Node', 'n1'), '/nodes/n1');
});

test('Service, EndpointSlice and Endpoints columns read like kubectl get svc, endpointslices, ep', async () => {
  const { ServiceKind, EndpointSliceKind, EndpointsKind } = await import('./network.ts');
  const ctx = { now: Date.parse('2026-01-01T00:10:00Z') };
  const cells = (def: { columns: { id: string; value: (o: never, c: typeof ctx) => string | number }[] }, o: object) =>
    Object.fromEntries(def.columns.map((c) => [c.id, c.value(o as never, ctx)]));
  const meta = { name: 'web', namespace: 'default', creationTimestamp: '2026-01-01T00:00:00Z' };
  assert.deepEqual(
    cells(ServiceKind, { metadata: meta, spec: { type: 'NodePort', clusterIP: '127.16.1.2', selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }] } }),
    {
      type: 'NodePort',
      clusterIP: '127.16.1.2',
      externalIP: '<none>',
      ports: '80:30080/TCP',
      age: '10m',
      selector: 'app=web',
    },
  );
  assert.equal(cells(ServiceKind, { metadata: meta, spec: { type: 'LoadBalancer', ports: [] }, status: {} }).externalIP, '<pending>');
  const slice = {
    metadata: { ...meta, labels: { 'kubernetes.io/service-name': 'web' } },
    addressType: 'IPv4',
    ports: [{ port: 8080 }],
    endpoints: [
      { addresses: ['127.64.0.1'], conditions: { ready: true } },
      { addresses: ['127.64.0.2'], conditions: { ready: false } },
    ],
  };
  assert.deepEqual(cells(EndpointSliceKind, slice), { service: 'web', addressType: 'IPv4', ports: '8080', endpoints: '127.64.0.1,127.64.0.2', ready: '1/2', age: '10m' });
  assert.equal(cells(EndpointsKind, { metadata: meta, subsets: [{ addresses: [{ ip: '127.64.0.1' }], ports: [{ port: 8080 }] }] }).endpoints, '127.64.0.1:8080');
  assert.ok(KINDS.some((k) => k.kind === 'Service' && k.path === 'services'));
});
