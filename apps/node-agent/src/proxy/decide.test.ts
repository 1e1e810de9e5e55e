// The proxy's rules, after kube-proxy's endpoint selection (pkg/proxy/topology.go
// CategorizeEndpoints: ready, else serving-terminating) and service port handling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Endpoint, EndpointSlice, Service } from '@wheelhouse/model';
import { decide } from './decide.js';

const scope = { nodeIP: '127.0.0.1', nodeName: 'node-a' };
const svc = (name: string, spec: Service['spec'], namespace = 'default'): Service => ({ metadata: { name, namespace }, spec });
const ep = (ip: string, conditions: Endpoint['conditions'] = { ready: true, serving: true, terminating: false }, nodeName = 'node-a'): Endpoint => ({
  addresses: [ip],
  conditions,
  nodeName,
});
const slice = (service: string, endpoints: Endpoint[], ports: EndpointSlice['ports'], name = `${service}-x`): EndpointSlice => ({
  metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': service } },
  addressType: 'IPv4',
  endpoints,
  ports,
});
const web = (spec: Partial<NonNullable<Service['spec']>> = {}) =>
  svc('web', { clusterIP: '127.16.0.20', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }], ...spec });
const httpPorts = [{ name: 'http', port: 8080, protocol: 'TCP' }];
const notReady = { ready: false, serving: false, terminating: false };
const terminating = { ready: false, serving: true, terminating: true };

type Case = [string, Service[], EndpointSlice[], Array<Record<string, unknown>>];
const cases: Case[] = [
  [
    'ready endpoints behind the ClusterIP, target port from the slice port of the same name',
    [web()],
    [slice('web', [ep('127.64.0.3'), ep('127.64.0.2'), ep('127.64.0.4', notReady)], httpPorts)],
    [{ key: 'TCP/127.16.0.20:80', kind: 'ClusterIP', backends: ['127.64.0.2:8080', '127.64.0.3:8080'] }],
  ],
  [
    'endpoints across two slices are merged and deduplicated',
    [web()],
    [slice('web', [ep('127.64.0.2')], httpPorts, 'a'), slice('web', [ep('127.64.0.2'), ep('127.64.0.10')], httpPorts, 'b')],
    [{ key: 'TCP/127.16.0.20:80', kind: 'ClusterIP', backends: ['127.64.0.2:8080', '127.64.0.10:8080'] }],
  ],
  [
    'serving terminating endpoints are used only when none is ready',
    [web()],
    [slice('web', [ep('127.64.0.2', terminating), ep('127.64.0.3', { ready: false, serving: false, terminating: true })], httpPorts)],
    [{ key: 'TCP/127.16.0.20:80', kind: 'ClusterIP', backends: ['127.64.0.2:8080'] }],
  ],
  [
    'a ready endpoint wins over serving terminating ones',
    [web()],
    [slice('web', [ep('127.64.0.2', terminating), ep('127.64.0.3')], httpPorts)],
    [{ key: 'TCP/127.16.0.20:80', kind: 'ClusterIP', backends: ['127.64.0.3:8080'] }],
  ],
  [
    'unset conditions read as ready',
    [web()],
    [slice('web', [{ addresses: ['127.64.0.2'] }], httpPorts)],
    [{ key: 'TCP/127.16.0.20:80', kind: 'ClusterIP', backends: ['127.64.0.2:8080'] }],
  ],
  ['no endpoints: the rule still exists (connections are refused, as kube-proxy rejects them)', [web()], [], [{ key: 'TCP/127.16.0.20:80', kind: 'ClusterIP', backends: [] }]],
  [
    'multi-port: each service port picks its own slice port by name',
    [
      svc('multi', {
        clusterIP: '127.16.0.21',
        ports: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { name: 'dns', port: 53, protocol: 'UDP' },
        ],
      }),
    ],
    [
      slice(
        'multi',
        [ep('127.64.0.2')],
        [
          { name: 'dns', port: 5353, protocol: 'UDP' },
          { name: 'http', port: 8080, protocol: 'TCP' },
        ],
      ),
    ],
    [
      { key: 'TCP/127.16.0.21:80', kind: 'ClusterIP', backends: ['127.64.0.2:8080'] },
      { key: 'UDP/127.16.0.21:53', kind: 'ClusterIP', backends: ['127.64.0.2:5353'] },
    ],
  ],
  [
    'a slice port of another protocol does not match',
    [svc('p', { clusterIP: '127.16.0.22', ports: [{ name: 'x', port: 53, protocol: 'TCP' }] })],
    [slice('p', [ep('127.64.0.2')], [{ name: 'x', port: 53, protocol: 'UDP' }])],
    [{ key: 'TCP/127.16.0.22:53', kind: 'ClusterIP', backends: [] }],
  ],
  [
    'NodePort: a second rule on the node address',
    [web({ type: 'NodePort', ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 30080 }] })],
    [slice('web', [ep('127.64.0.2')], httpPorts)],
    [
      { key: 'TCP/127.0.0.1:30080', kind: 'NodePort', backends: ['127.64.0.2:8080'] },
      { key: 'TCP/127.16.0.20:80', kind: 'ClusterIP', backends: ['127.64.0.2:8080'] },
    ],
  ],
  [
    'sessionAffinity ClientIP: the given timeout, else 10800 s',
    [
      web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }),
      svc('b', { clusterIP: '127.16.0.23', sessionAffinity: 'ClientIP', ports: [{ port: 81 }] }),
    ],
    [],
    [
      { key: 'TCP/127.16.0.20:80', kind: 'ClusterIP', backends: [], affinityTimeoutSeconds: 60 },
      { key: 'TCP/127.16.0.23:81', kind: 'ClusterIP', backends: [], affinityTimeoutSeconds: 10800 },
    ],
  ],
  [
    'internalTrafficPolicy Local: only this node’s endpoints behind the ClusterIP, all behind the NodePort',
    [web({ type: 'NodePort', internalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, nodePort: 30081 }] })],
    [slice('web', [ep('127.64.0.2'), ep('127.64.1.2', undefined, 'node-b')], httpPorts)],
    [
      { key: 'TCP/127.0.0.1:30081', kind: 'NodePort', backends: ['127.64.0.2:8080', '127.64.1.2:8080'] },
      { key: 'TCP/127.16.0.20:80', kind: 'ClusterIP', backends: ['127.64.0.2:8080'] },
    ],
  ],
  [
    'headless, ExternalName, no-IP Services and kube-dns (served by apps/dns) get no rules',
    [
      svc('headless', { clusterIP: 'None', ports: [{ port: 80 }] }),
      svc('ext', { type: 'ExternalName', externalName: 'example.com' }),
      svc('pending', { ports: [{ port: 80 }] }),
      svc('kube-dns', { clusterIP: '127.16.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] }, 'kube-system'),
    ],
    [],
    [],
  ],
  [
    'slices of another Service or another namespace are not used',
    [web()],
    [
      slice('other', [ep('127.64.0.9')], httpPorts),
      { ...slice('web', [ep('127.64.0.8')], httpPorts), metadata: { name: 'w', namespace: 'prod', labels: { 'kubernetes.io/service-name': 'web' } } },
    ],
    [{ key: 'TCP/127.16.0.20:80', kind: 'ClusterIP', backends: [] }],
  ],
];

for (const [name, services, slices, want] of cases) {
  test(`decide: ${name}`, () => {
    const got = decide({ services, slices }, scope).map((r) => ({
      key: r.key,
      kind: r.kind,
      backends: r.backends.map((b) => `${b.ip}:${b.port}`),
      ...(r.affinityTimeoutSeconds === undefined ? {} : { affinityTimeoutSeconds: r.affinityTimeoutSeconds }),
    }));
    assert.deepEqual(got, want);
  });
}
