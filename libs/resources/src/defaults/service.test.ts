import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultService } from './service.js';

type Json = Record<string, any>;

/** SetDefaults_Service cases (pkg/apis/core/v1/defaults_test.go), as [name, spec, expected fields]. */
const cases: [string, Json, Json][] = [
  [
    'empty spec: ClusterIP, no affinity, Cluster internal policy, single-stack IPv4',
    {},
    { type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] },
  ],
  [
    'port protocol and targetPort',
    { ports: [{ port: 80 }, { port: 53, protocol: 'UDP', targetPort: 'dns' }] },
    {
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { port: 53, protocol: 'UDP', targetPort: 'dns' },
      ],
    },
  ],
  ['targetPort 0 is the port', { ports: [{ port: 81, targetPort: 0 }] }, { ports: [{ port: 81, protocol: 'TCP', targetPort: 81 }] }],
  ['ClientIP gets the default timeout', { sessionAffinity: 'ClientIP' }, { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }],
  [
    'ClientIP keeps a given timeout',
    { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } },
    { sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } },
  ],
  ['None drops the affinity config', { sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }, { sessionAffinityConfig: undefined }],
  ['NodePort gets externalTrafficPolicy Cluster', { type: 'NodePort' }, { externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' }],
  ['LoadBalancer allocates node ports by default', { type: 'LoadBalancer' }, { externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true }],
  ['LoadBalancer keeps allocateLoadBalancerNodePorts false', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false }, { allocateLoadBalancerNodePorts: false }],
  ['ClusterIP with externalIPs is externally accessible', { externalIPs: ['1.2.3.4'] }, { externalTrafficPolicy: 'Cluster' }],
  [
    'ExternalName: no traffic policies, no families',
    { type: 'ExternalName', externalName: 'a.b' },
    { internalTrafficPolicy: undefined, externalTrafficPolicy: undefined, ipFamilies: undefined, ipFamilyPolicy: undefined },
  ],
  ['clusterIP fills clusterIPs', { clusterIP: '127.16.0.9' }, { clusterIP: '127.16.0.9', clusterIPs: ['127.16.0.9'] }],
  ['clusterIPs fills clusterIP', { clusterIPs: ['None'] }, { clusterIP: 'None', clusterIPs: ['None'] }],
  ['a requested family is kept (the allocator judges it)', { ipFamilies: ['IPv6'] }, { ipFamilies: ['IPv6'] }],
];

for (const [name, spec, expected] of cases) {
  test(`Service defaults: ${name}`, () => {
    const input = { metadata: { name: 's' }, spec };
    const before = structuredClone(input);
    const out = defaultService(input) as Json;
    for (const [key, value] of Object.entries(expected)) assert.deepEqual(out.spec[key], value, key);
    assert.deepEqual(input, before, 'input untouched');
  });
}
