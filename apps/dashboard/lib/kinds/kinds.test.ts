import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CASES_NOW, nodeRoles, nodeStatus, POD_CASES, podStatus } from '@wheelhouse/printers';
import { PodKind } from './pod.ts';
import { NodeKind } from './node.ts';
import { selectorString, workloadHealth } from './workload.ts';
import { requestedByNode } from './resources.ts';
import { KINDS, hrefFor } from './registry.ts';
import { deleteDocument, listDocument, rolloutDocument, watchDocument } from './documents.ts';
import type { Pod } from './objects.ts';

const column = (id: string) => PodKind.columns.find((c) => c.id === id)!;

test("the Pods list shows kubectl's READY, STATUS and RESTARTS for every ported printer case, through the shared printer", () => {
  assert.ok(POD_CASES.length > 30);
  for (const c of POD_CASES) {
    const ctx = { now: CASES_NOW };
    // The same function `wh get pods` prints with: podStatus of @wheelhouse/printers.
    assert.equal(column('status').value(c.pod, ctx), podStatus(c.pod), c.comment);
    assert.deepEqual(
      ['ready', 'status', 'restarts', 'age'].map((id) => column(id).value(c.pod, ctx)),
      c.cells.slice(1, 5),
      `${c.test}: ${c.comment}`,
    );
  }
  assert.deepEqual(
    PodKind.columns.map((c) => c.header),
    ['Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates'],
  );
});

test('node status and roles come from the shared printer', () => {
  const node = {
    metadata: { labels: { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/edge': '' } },
    spec: { unschedulable: true },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  };
  const ctx = { now: 0 };
  assert.equal(NodeKind.columns.find((c) => c.id === 'status')!.value(node, ctx), nodeStatus(node));
  assert.equal(nodeStatus(node), 'Ready,SchedulingDisabled');
  assert.equal(NodeKind.columns.find((c) => c.id === 'roles')!.value(node, ctx), 'edge,worker');
  assert.equal(nodeRoles({ metadata: {} }), '<none>');
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
  assert.match(
    listDocument(pods),
    /^query Pods\(\$labelSelector: String, \$fieldSelector: String, \$limit: Int, \$continue: String, \$namespace: String\) \{ result: pods\(labelSelector: \$labelSelector, fieldSelector: \$fieldSelector, limit: \$limit, continue: \$continue, namespace: \$namespace\) \{ metadata \{ resourceVersion continue \} items \{ /,
  );
  assert.match(watchDocument(pods), /result: watchPods\(.*resourceVersion: \$resourceVersion, allowWatchBookmarks: \$allowWatchBookmarks/);
  assert.match(deleteDocument(pods), /\$propagationPolicy: DeletionPropagation, \$namespace: String\) \{ result: deletePod\(/);
  // Built from the generated operations: a field the API lacks is an error, not a broken request.
  assert.throws(() => rolloutDocument({ ...pods, actions: { restart: 'restartPod' } }, 'restart'), /no mutation field "restartPod"/);
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
      clusterIp: '127.16.1.2',
      externalIp: '<none>',
      ports: '80:30080/TCP',
      age: '10m',
      selector: 'app=web',
    },
  );
  assert.equal(cells(ServiceKind, { metadata: meta, spec: { type: 'LoadBalancer', ports: [] }, status: {} }).externalIp, '<pending>');
  const slice = {
    metadata: { ...meta, labels: { 'kubernetes.io/service-name': 'web' } },
    addressType: 'IPv4',
    ports: [{ port: 8080 }],
    endpoints: [
      { addresses: ['127.64.0.1'], conditions: { ready: true } },
      { addresses: ['127.64.0.2'], conditions: { ready: false } },
    ],
  };
  assert.deepEqual(cells(EndpointSliceKind, slice), { service: 'web', addresstype: 'IPv4', ports: '8080', endpoints: '127.64.0.1,127.64.0.2', ready: '1/2', age: '10m' });
  assert.equal(cells(EndpointsKind, { metadata: meta, subsets: [{ addresses: [{ ip: '127.64.0.1' }], ports: [{ port: 8080 }] }] }).endpoints, '127.64.0.1:8080');
  assert.ok(KINDS.some((k) => k.kind === 'Service' && k.path === 'services'));
});
