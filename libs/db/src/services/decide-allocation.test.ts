import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorToString } from '@wheelhouse/resources';
import { applyAllocation, decideServiceAllocation, nodePortsToPick, type ServiceSpecShape } from './decide-allocation.js';
import { parseNodePortRange, parseServiceCidr } from './service-range.js';

const ranges = { ips: parseServiceCidr('127.16.0.0/12'), nodePorts: parseNodePortRange('30000-32767') };

/** [name, spec, previous spec, expected needs summary]. */
const cases: [string, ServiceSpecShape, ServiceSpecShape | undefined, { ip?: boolean; ports?: number[]; hc?: boolean; requested?: string[]; errors?: string[] }][] = [
  ['ClusterIP without address', { type: 'ClusterIP', ports: [{ port: 80 }] }, undefined, { ip: true }],
  ['requested address', { type: 'ClusterIP', clusterIP: '127.16.0.10', clusterIPs: ['127.16.0.10'] }, undefined, { requested: ['ip 127.16.0.10'] }],
  ['headless', { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] }, undefined, {}],
  ['ExternalName', { type: 'ExternalName', externalName: 'a.b' }, undefined, {}],
  [
    'address outside the range',
    { type: 'ClusterIP', clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'] },
    undefined,
    {
      errors: [
        'spec.clusterIPs: Invalid value: ["10.0.0.1"]: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 127.16.0.0/12',
      ],
    },
  ],
  ['IPv6 family', { type: 'ClusterIP', ipFamilies: ['IPv6'] }, undefined, { ip: true, errors: ['spec.ipFamilies[0]: Invalid value: "IPv6": not configured on this cluster'] }],
  [
    'RequireDualStack',
    { type: 'ClusterIP', ipFamilyPolicy: 'RequireDualStack' },
    undefined,
    { ip: true, errors: ['spec.ipFamilyPolicy: Invalid value: "RequireDualStack": this cluster is not configured for dual-stack services'] },
  ],
  ['NodePort ports', { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }, { port: 81, nodePort: 30081 }] }, undefined, { ports: [0], requested: ['port 30081'] }],
  [
    'NodePort out of range',
    { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] },
    undefined,
    { ip: true, errors: ['spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767'] },
  ],
  ['LoadBalancer without node ports', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false, ports: [{ port: 80 }] }, undefined, { ip: true }],
  ['LoadBalancer Local needs a health check port', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] }, undefined, { ip: true, ports: [0], hc: true }],
  [
    'update: values already held are not requested again',
    { type: 'NodePort', clusterIP: '127.16.0.10', clusterIPs: ['127.16.0.10'], ports: [{ port: 80, nodePort: 30080 }] },
    { type: 'NodePort', clusterIP: '127.16.0.10', clusterIPs: ['127.16.0.10'], ports: [{ port: 80, nodePort: 30080 }] },
    {},
  ],
];

for (const [name, spec, previous, expected] of cases) {
  test(`decideServiceAllocation: ${name}`, () => {
    const needs = decideServiceAllocation(spec, previous, ranges);
    assert.equal(needs.pickIp, expected.ip ?? false, 'pickIp');
    assert.deepEqual(needs.pickNodePorts, expected.ports ?? [], 'pickNodePorts');
    assert.equal(needs.pickHealthCheckNodePort, expected.hc ?? false, 'health check');
    assert.deepEqual(
      needs.requested.map((r) => `${r.kind} ${r.value}`),
      expected.requested ?? [],
    );
    assert.deepEqual(needs.errors.map(fieldErrorToString), expected.errors ?? []);
  });
}

test('applyAllocation: ports of one number share a NodePort; the health check port comes last', () => {
  const spec: ServiceSpecShape = {
    type: 'LoadBalancer',
    externalTrafficPolicy: 'Local',
    ports: [
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
      { port: 80, protocol: 'TCP' },
    ],
  };
  const needs = decideServiceAllocation(spec, undefined, ranges);
  assert.equal(nodePortsToPick(spec, needs), 3);
  const out = applyAllocation(spec, needs, { ip: '127.16.9.9', nodePorts: [31001, 31002, 31003] });
  assert.deepEqual(
    out.ports?.map((p) => p.nodePort),
    [31001, 31001, 31002],
  );
  assert.equal(out.healthCheckNodePort, 31003);
  assert.deepEqual(out.clusterIPs, ['127.16.9.9']);
  assert.equal(spec.clusterIP, undefined, 'input untouched');
});
