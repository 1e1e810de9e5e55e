import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTROLLER_NAME, decideEndpointSlices, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, type SliceChanges } from './decide.js';
import { endpointPorts, podToEndpoint, shouldPodBeInEndpoints } from './pod-endpoint.js';
import type { EndpointSliceView, ServicePodView, ServiceView } from './types.js';

const service = (spec: Partial<NonNullable<ServiceView['spec']>> = {}): ServiceView => ({
  metadata: { name: 'foo', namespace: 'default', uid: 'svc-uid', labels: { team: 'a' } },
  spec: { selector: { app: 'foo' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }], clusterIP: '127.16.1.5', ...spec },
});

const pod = (
  i: number,
  extra: { ready?: boolean; deleting?: boolean; phase?: string; ip?: string | null; ports?: { name: string; containerPort: number }[]; hostname?: string; subdomain?: string } = {},
): ServicePodView => ({
  metadata: {
    name: `pod${String(i).padStart(3, '0')}`,
    namespace: 'default',
    uid: `uid-${i}`,
    labels: { app: 'foo' },
    deletionTimestamp: extra.deleting ? '2026-01-01T00:00:00Z' : undefined,
  },
  spec: { nodeName: 'node-1', hostname: extra.hostname, subdomain: extra.subdomain, containers: [{ ports: extra.ports ?? [{ name: 'http', containerPort: 8080 }] }] },
  status: {
    phase: extra.phase ?? 'Running',
    podIP: extra.ip === null ? undefined : (extra.ip ?? `127.64.1.${i}`),
    conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True' }],
  },
});

const counts = (c: SliceChanges) => [c.create.length, c.update.length, c.delete.length];
const endpointsOf = (slices: EndpointSliceView[]) => slices.flatMap((s) => s.endpoints ?? []).map((e) => e.addresses[0]);

// podToEndpoint cases (pkg/controller/util/endpointslice TestPodToEndpoint).
const conditionCases: [string, ServicePodView, ServiceView, { ready: boolean; serving: boolean; terminating: boolean }][] = [
  ['ready pod', pod(1), service(), { ready: true, serving: true, terminating: false }],
  ['not ready pod', pod(1, { ready: false }), service(), { ready: false, serving: false, terminating: false }],
  ['not ready pod, publishNotReadyAddresses', pod(1, { ready: false }), service({ publishNotReadyAddresses: true }), { ready: true, serving: false, terminating: false }],
  ['ready terminating pod', pod(1, { deleting: true }), service(), { ready: false, serving: true, terminating: true }],
  ['not ready terminating pod', pod(1, { ready: false, deleting: true }), service(), { ready: false, serving: false, terminating: true }],
  ['terminating pod, publishNotReadyAddresses', pod(1, { deleting: true }), service({ publishNotReadyAddresses: true }), { ready: true, serving: true, terminating: true }],
];
for (const [name, p, svc, conditions] of conditionCases) {
  test(`podToEndpoint: ${name}`, () => {
    const ep = podToEndpoint(p, svc, 'zone-a');
    assert.deepEqual(ep.conditions, conditions);
    assert.deepEqual(ep.addresses, ['127.64.1.1']);
    assert.deepEqual(ep.targetRef, { kind: 'Pod', namespace: 'default', name: 'pod001', uid: 'uid-1' });
    assert.equal(ep.nodeName, 'node-1');
    assert.equal(ep.zone, 'zone-a');
  });
}

test('podToEndpoint: hostname only when the pod names the Service as its subdomain', () => {
  assert.equal(podToEndpoint(pod(1, { hostname: 'h1', subdomain: 'foo' }), service(), undefined).hostname, 'h1');
  assert.equal(podToEndpoint(pod(1, { hostname: 'h1', subdomain: 'bar' }), service(), undefined).hostname, undefined);
  assert.equal(podToEndpoint(pod(1, { hostname: 'h1' }), service(), undefined).hostname, undefined);
});

test('ShouldPodBeInEndpoints: needs an IP, not finished; terminating only when asked', () => {
  assert.equal(shouldPodBeInEndpoints(pod(1), false), true);
  assert.equal(shouldPodBeInEndpoints(pod(1, { ip: null }), true), false);
  assert.equal(shouldPodBeInEndpoints(pod(1, { phase: 'Succeeded' }), true), false);
  assert.equal(shouldPodBeInEndpoints(pod(1, { phase: 'Failed' }), true), false);
  assert.equal(shouldPodBeInEndpoints(pod(1, { deleting: true }), false), false);
  assert.equal(shouldPodBeInEndpoints(pod(1, { deleting: true }), true), true);
});

test('named targetPort resolves per pod; a pod without the named port serves no endpoint for it', () => {
  const svc = service({
    ports: [
      { name: 'http', protocol: 'TCP', port: 80, targetPort: 'web' },
      { name: 'metrics', protocol: 'TCP', port: 9090, targetPort: 9090 },
    ],
  });
  assert.deepEqual(endpointPorts(svc, pod(1, { ports: [{ name: 'web', containerPort: 8081 }] })), [
    { name: 'http', protocol: 'TCP', port: 8081 },
    { name: 'metrics', protocol: 'TCP', port: 9090 },
  ]);
  assert.deepEqual(endpointPorts(svc, pod(2, { ports: [] })), [{ name: 'metrics', protocol: 'TCP', port: 9090 }]);
  // Pods serving different port sets land in different slices.
  const changes = decideEndpointSlices({
    service: svc,
    pods: [
      pod(1, { ports: [{ name: 'web', containerPort: 8081 }] }),
      pod(2, { ports: [{ name: 'web', containerPort: 8082 }] }),
      pod(3, { ports: [{ name: 'web', containerPort: 8081 }] }),
    ],
    existing: [],
  });
  assert.equal(changes.create.length, 2);
  const byPort = new Map(changes.create.map((s) => [s.ports!.find((p) => p.name === 'http')!.port, endpointsOf([s])]));
  assert.deepEqual(byPort.get(8081), ['127.64.1.1', '127.64.1.3']);
  assert.deepEqual(byPort.get(8082), ['127.64.1.2']);
});

// Reconciler cases after pkg/controller/endpointslice/reconciler_test.go.
test('reconcile: a Service with no pods gets one placeholder slice, kept on the next pass', () => {
  const first = decideEndpointSlices({ service: service(), pods: [], existing: [] });
  assert.deepEqual(counts(first), [1, 0, 0]);
  const placeholder = first.create[0]!;
  assert.deepEqual([placeholder.endpoints, placeholder.ports], [[], []]);
  assert.equal(placeholder.metadata.labels?.[LABEL_SERVICE_NAME], 'foo');
  assert.equal(placeholder.metadata.labels?.[LABEL_MANAGED_BY], CONTROLLER_NAME);
  assert.equal(placeholder.metadata.labels?.team, 'a', 'Service labels are copied');
  assert.deepEqual(placeholder.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'Service', name: 'foo', uid: 'svc-uid', controller: true, blockOwnerDeletion: true }]);
  const again = decideEndpointSlices({ service: service(), pods: [], existing: [{ ...placeholder, metadata: { ...placeholder.metadata, name: 'foo-abc' } }] });
  assert.deepEqual(counts(again), [0, 0, 0]);
});

test('reconcile: 250 pods make slices of at most 100; a second pass changes nothing', () => {
  const pods = Array.from({ length: 250 }, (_, i) => pod(i + 1, { ip: `127.64.${Math.floor(i / 200)}.${(i % 200) + 1}` }));
  const first = decideEndpointSlices({ service: service(), pods, existing: [] });
  assert.deepEqual(
    first.create.map((s) => s.endpoints!.length),
    [100, 100, 50],
  );
  assert.equal(new Set(endpointsOf(first.create)).size, 250);
  const existing = first.create.map((s, i) => ({ ...s, metadata: { ...s.metadata, name: `foo-${i}` } }));
  assert.deepEqual(counts(decideEndpointSlices({ service: service(), pods, existing })), [0, 0, 0]);
});

test('reconcile: a readiness change updates only the slice holding that endpoint', () => {
  const pods = Array.from({ length: 150 }, (_, i) => pod(i + 1, { ip: `127.64.2.${i + 1}` }));
  const first = decideEndpointSlices({ service: service(), pods, existing: [] });
  const existing = first.create.map((s, i) => ({ ...s, metadata: { ...s.metadata, name: `foo-${i}` } }));
  pods[120] = pod(121, { ready: false, ip: '127.64.2.121' });
  const changes = decideEndpointSlices({ service: service(), pods, existing });
  assert.deepEqual(counts(changes), [0, 1, 0]);
  const ep = changes.update[0]!.endpoints!.find((e) => e.addresses[0] === '127.64.2.121')!;
  assert.deepEqual(ep.conditions, { ready: false, serving: false, terminating: false });
  assert.equal(changes.update[0]!.metadata.name, 'foo-1');
});

test('reconcile: removed pods leave their slice; an emptied slice is deleted; new pods fill changed slices first', () => {
  const pods = Array.from({ length: 120 }, (_, i) => pod(i + 1, { ip: `127.64.3.${i + 1}` }));
  const existing = decideEndpointSlices({ service: service(), pods, existing: [] }).create.map((s, i) => ({ ...s, metadata: { ...s.metadata, name: `foo-${i}` } }));
  // Drop the 20 pods of the second slice and 5 of the first, add 3 new ones.
  const next = [...pods.slice(5, 100), pod(200, { ip: '127.64.4.1' }), pod(201, { ip: '127.64.4.2' }), pod(202, { ip: '127.64.4.3' })];
  const changes = decideEndpointSlices({ service: service(), pods: next, existing });
  assert.deepEqual(counts(changes), [0, 1, 1]);
  assert.equal(changes.delete[0]!.metadata.name, 'foo-1');
  assert.equal(changes.update[0]!.endpoints!.length, 98);
  assert.ok(endpointsOf(changes.update).includes('127.64.4.3'));
});

test('reconcile: changing the Service ports replaces the slices', () => {
  const pods = [pod(1), pod(2)];
  const existing = decideEndpointSlices({ service: service(), pods, existing: [] }).create.map((s, i) => ({ ...s, metadata: { ...s.metadata, name: `foo-${i}` } }));
  const changes = decideEndpointSlices({ service: service({ ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 9000 }] }), pods, existing });
  assert.deepEqual(counts(changes), [1, 0, 1]);
  assert.equal(changes.create[0]!.ports![0]!.port, 9000);
});

test('reconcile: ExternalName and selector-less Services get no slices from the controller', () => {
  const existing = decideEndpointSlices({ service: service(), pods: [pod(1)], existing: [] }).create;
  assert.deepEqual(counts(decideEndpointSlices({ service: service({ type: 'ExternalName', selector: undefined }), pods: [pod(1)], existing })), [0, 0, 1]);
  assert.deepEqual(counts(decideEndpointSlices({ service: service({ selector: undefined }), pods: [pod(1)], existing: [] })), [0, 0, 0]);
});

test('reconcile: terminating pods stay as terminating endpoints (EndpointSlices drain them)', () => {
  const changes = decideEndpointSlices({ service: service(), pods: [pod(1), pod(2, { deleting: true })], existing: [] });
  const eps = changes.create[0]!.endpoints!;
  assert.deepEqual(
    eps.map((e) => [e.addresses[0], e.conditions.ready, e.conditions.terminating]),
    [
      ['127.64.1.1', true, false],
      ['127.64.1.2', false, true],
    ],
  );
});

test('reconcile: headless Service slices carry the headless label', () => {
  const changes = decideEndpointSlices({ service: service({ clusterIP: 'None' }), pods: [pod(1)], existing: [] });
  assert.equal(changes.create[0]!.metadata.labels?.['service.kubernetes.io/headless'], '');
});
