import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideEndpoints, MAX_ENDPOINTS_ADDRESSES } from './decide.js';
import type { ServicePodView, ServiceView } from '../endpointslice/types.js';

const service = (spec: Partial<NonNullable<ServiceView['spec']>> = {}): ServiceView => ({
  metadata: { name: 'foo', namespace: 'default', labels: { team: 'a' } },
  spec: { selector: { app: 'foo' }, ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'web' }], clusterIP: '127.16.1.5', ...spec },
});
const pod = (i: number, extra: { ready?: boolean; deleting?: boolean; port?: number | null } = {}): ServicePodView => ({
  metadata: { name: `pod${i}`, namespace: 'default', uid: `uid-${i}`, labels: { app: 'foo' }, deletionTimestamp: extra.deleting ? '2026-01-01T00:00:00Z' : undefined },
  spec: { nodeName: 'n1', containers: [{ ports: extra.port === null ? [] : [{ name: 'web', containerPort: extra.port ?? 8080 }] }] },
  status: { phase: 'Running', podIP: `127.64.1.${i}`, conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True' }] },
});

/** After pkg/controller/endpoint/endpoints_controller_test.go: [name, service, pods, expected subsets as ips/notReady/ports]. */
const cases: [string, ServiceView, ServicePodView[], { ready?: string[]; notReady?: string[]; port?: number }[]][] = [
  ['ready pods', service(), [pod(2), pod(1)], [{ ready: ['127.64.1.1', '127.64.1.2'], port: 8080 }]],
  ['unready pod goes to notReadyAddresses', service(), [pod(1), pod(2, { ready: false })], [{ ready: ['127.64.1.1'], notReady: ['127.64.1.2'], port: 8080 }]],
  ['publishNotReadyAddresses: unready pods are addresses', service({ publishNotReadyAddresses: true }), [pod(1, { ready: false })], [{ ready: ['127.64.1.1'], port: 8080 }]],
  ['terminating pods leave', service(), [pod(1), pod(2, { deleting: true })], [{ ready: ['127.64.1.1'], port: 8080 }]],
  ['terminating pods stay with publishNotReadyAddresses', service({ publishNotReadyAddresses: true }), [pod(1, { deleting: true })], [{ ready: ['127.64.1.1'], port: 8080 }]],
  [
    'named port resolved per pod: two subsets',
    service(),
    [pod(1), pod(2, { port: 9090 })],
    [
      { ready: ['127.64.1.1'], port: 8080 },
      { ready: ['127.64.1.2'], port: 9090 },
    ],
  ],
  ['pod without the named port is left out', service(), [pod(1, { port: null })], []],
  ['no pods: no subsets', service(), [], []],
];

for (const [name, svc, pods, expected] of cases) {
  test(`decideEndpoints: ${name}`, () => {
    const got = decideEndpoints(svc, pods)!;
    assert.deepEqual(
      got.subsets.map((s) => ({
        ...(s.addresses ? { ready: s.addresses.map((a) => a.ip) } : {}),
        ...(s.notReadyAddresses ? { notReady: s.notReadyAddresses.map((a) => a.ip) } : {}),
        ...(s.ports ? { port: s.ports[0]!.port } : {}),
      })),
      expected,
    );
    assert.equal(got.labels.team, 'a');
  });
}

test('decideEndpoints: ExternalName and selector-less Services are left alone', () => {
  assert.equal(decideEndpoints(service({ type: 'ExternalName' }), [pod(1)]), null);
  assert.equal(decideEndpoints(service({ selector: undefined }), [pod(1)]), null);
});

test('decideEndpoints: more than 1000 addresses are truncated and annotated', () => {
  const pods = Array.from({ length: MAX_ENDPOINTS_ADDRESSES + 5 }, (_, i) => ({
    ...pod(1),
    metadata: { ...pod(1).metadata, name: `p${i}`, uid: `u${i}` },
    status: { ...pod(1).status, podIP: `127.64.${Math.floor(i / 250)}.${(i % 250) + 1}` },
  }));
  const got = decideEndpoints(service(), pods)!;
  assert.equal(got.subsets[0]!.addresses!.length, MAX_ENDPOINTS_ADDRESSES);
  assert.deepEqual(got.annotations, { 'endpoints.kubernetes.io/over-capacity': 'truncated' });
});

test('decideEndpoints: headless Service without ports publishes addresses without ports', () => {
  const got = decideEndpoints(service({ clusterIP: 'None', ports: [] }), [pod(1)])!;
  assert.deepEqual(
    got.subsets.map((s) => [s.addresses?.map((a) => a.ip), s.ports]),
    [[['127.64.1.1'], undefined]],
  );
  assert.equal(got.labels['service.kubernetes.io/headless'], '');
});
