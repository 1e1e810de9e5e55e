import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrationNode, registrationPatch, systemInfo, type NodeIdentity } from './node-object.js';

const info = systemInfo('simulated', { kernel: '6.1', osImage: 'Linux', arch: 'x64', machineID: 'm', bootID: 'b' });
const identity: NodeIdentity = {
  name: 'sim-node-0',
  runtime: 'simulated',
  labels: { zone: 'a' },
  taints: [{ key: 'dedicated', value: 'sim', effect: 'NoSchedule' }],
  capacity: { cpu: '4', memory: '8Gi', pods: '110' },
  podCIDR: '127.64.0.0/24',
  kubeletPort: 10250,
  nodeInfo: info,
};

test('a registered node carries the kubelet labels, taints, capacity, addresses and endpoint', () => {
  const node = registrationNode(identity);
  assert.deepEqual(node.metadata.labels, {
    zone: 'a',
    'kubernetes.io/hostname': 'sim-node-0',
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'wheelhouse.io/runtime': 'simulated',
  });
  assert.deepEqual(node.spec, { podCIDR: '127.64.0.0/24', podCIDRs: ['127.64.0.0/24'], taints: identity.taints });
  assert.deepEqual(node.status!.allocatable, identity.capacity);
  assert.deepEqual(node.status!.addresses, [
    { type: 'InternalIP', address: '127.0.0.1' },
    { type: 'Hostname', address: 'sim-node-0' },
  ]);
  assert.equal(node.status!.daemonEndpoints!.kubeletEndpoint!.Port, 10250);
  assert.equal(node.status!.nodeInfo!.containerRuntimeVersion, 'simulated://v0.1.0-wheelhouse');
});

test('re-registration patches only what differs and keeps taints others added', () => {
  const same = registrationNode(identity);
  assert.equal(registrationPatch(same, identity), undefined);
  const drifted = {
    ...same,
    metadata: { ...same.metadata, labels: { ...same.metadata.labels, zone: 'b', extra: 'kept' } },
    spec: { podCIDR: '127.64.9.0/24', taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' as const }] },
  };
  assert.deepEqual(registrationPatch(drifted, identity), {
    metadata: { labels: { zone: 'a' } },
    spec: { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }, ...identity.taints] },
  });
});
