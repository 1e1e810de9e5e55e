import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateNodeSpec, validateNodeStatus, validateNodeUpdate } from './node.js';
import { fullText, summarise } from './fixtures.js';

test('node spec', () => {
  const cases: [string, unknown, string[]][] = [
    ['empty', {}, []],
    [
      'valid',
      {
        unschedulable: true,
        podCIDR: '10.244.1.0/24',
        podCIDRs: ['10.244.1.0/24', 'fd00:10:244:1::/64'],
        taints: [
          { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: '2024-01-01T00:00:00Z' },
          { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
          { key: 'dedicated', value: 'gpu', effect: 'PreferNoSchedule' },
        ],
      },
      [],
    ],
    // An empty key is both empty and not matching the name pattern.
    ['taint key required', { taints: [{ effect: 'NoSchedule' }] }, ['spec.taints[0].key Invalid', 'spec.taints[0].key Invalid']],
    ['taint key rule', { taints: [{ key: 'bad key', effect: 'NoSchedule' }] }, ['spec.taints[0].key Invalid']],
    ['taint value rule', { taints: [{ key: 'k', value: 'a b', effect: 'NoSchedule' }] }, ['spec.taints[0].value Invalid']],
    ['taint effect required', { taints: [{ key: 'k' }] }, ['spec.taints[0].effect Required']],
    ['taint effect known', { taints: [{ key: 'k', effect: 'NoRun' }] }, ['spec.taints[0].effect NotSupported']],
    [
      'duplicate taint',
      {
        taints: [
          { key: 'k', value: 'a', effect: 'NoSchedule' },
          { key: 'k', value: 'b', effect: 'NoSchedule' },
        ],
      },
      ['spec.taints[1] Duplicate'],
    ],
    ['podCIDR', { podCIDR: '10.244.1.0' }, ['spec.podCIDR Invalid']],
    ['podCIDRs entry', { podCIDRs: ['10.244.1.0/24', 'nope'] }, ['spec.podCIDRs[1] Invalid']],
    ['two IPv4 ranges', { podCIDRs: ['10.244.1.0/24', '10.245.1.0/24'] }, ['spec.podCIDRs Invalid']],
    ['three ranges', { podCIDRs: ['10.244.1.0/24', 'fd00::/64', '10.0.0.0/8'] }, ['spec.podCIDRs Invalid']],
    ['duplicate range', { podCIDRs: ['10.244.1.0/24', '10.244.1.0/24'] }, ['spec.podCIDRs Invalid', 'spec.podCIDRs[1] Duplicate']],
    ['unschedulable type', { unschedulable: 'yes' }, ['spec.unschedulable Invalid']],
  ];
  for (const [name, spec, expected] of cases) assert.deepEqual(summarise(validateNodeSpec(spec, 'spec')), expected, name);
  assert.deepEqual(
    fullText(
      validateNodeSpec({
        taints: [
          { key: 'k', effect: 'NoSchedule' },
          { key: 'k', effect: 'NoSchedule' },
        ],
      }),
    ),
    ['spec.taints[1]: Duplicate value: "k:NoSchedule": taints must be unique by key and effect pair'],
  );
});

test('node status', () => {
  const cases: [string, unknown, string[]][] = [
    ['empty', {}, []],
    [
      'valid',
      {
        capacity: { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi', 'example.com/gpu': '2', 'hugepages-2Mi': '0' },
        allocatable: { cpu: '3800m', memory: 16e9, pods: 110 },
      },
      [],
    ],
    ['bad quantity', { capacity: { cpu: 'four' } }, ['status.capacity[cpu] Invalid']],
    ['negative', { allocatable: { memory: '-1' } }, ['status.allocatable[memory] Invalid']],
    ['pods must be whole', { capacity: { pods: '1.5' } }, ['status.capacity[pods] Invalid']],
    ['unknown resource', { capacity: { gpus: '1' } }, ['status.capacity[gpus] Invalid']],
    ['capacity not an object', { capacity: [] }, ['status.capacity Invalid']],
  ];
  for (const [name, status, expected] of cases) assert.deepEqual(summarise(validateNodeStatus(status, 'status')), expected, name);
});

test('node updates: pod CIDRs and provider ID are set once', () => {
  const node = (spec: Record<string, unknown>) => ({ metadata: { name: 'n' }, spec });
  assert.deepEqual(validateNodeUpdate(node({ podCIDRs: ['10.0.0.0/24'], providerID: 'p' }), node({})), []);
  assert.deepEqual(validateNodeUpdate(node({ podCIDRs: ['10.0.0.0/24'], unschedulable: true }), node({ podCIDRs: ['10.0.0.0/24'] })), []);
  assert.deepEqual(summarise(validateNodeUpdate(node({ podCIDRs: ['10.0.1.0/24'] }), node({ podCIDRs: ['10.0.0.0/24'] }))), ['spec.podCIDRs Forbidden']);
  assert.deepEqual(summarise(validateNodeUpdate(node({ podCIDR: '10.0.1.0/24' }), node({ podCIDR: '10.0.0.0/24' }))), ['spec.podCIDR Forbidden']);
  assert.deepEqual(fullText(validateNodeUpdate(node({ providerID: 'b' }), node({ providerID: 'a' }))), [
    'spec.providerID: Forbidden: node updates may not change providerID except from "" to valid',
  ]);
});
