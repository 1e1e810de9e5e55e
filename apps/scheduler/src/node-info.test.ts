import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assume, effectiveTaints, nodeInfos } from './node-info.js';
import { makeNode, makePod } from './test-fixtures.js';

test('nodeInfos groups bound pods by node and sums requests, ignoring unbound, unknown-node and finished pods', () => {
  const nodes = [makeNode('a'), makeNode('b')];
  const pods = [
    makePod('p1', { nodeName: 'a', requests: [{ cpu: '1', memory: '1Gi' }] }),
    makePod('p2', { nodeName: 'a', requests: [{ cpu: '500m' }] }),
    makePod('p3', { nodeName: 'b' }),
    makePod('pending'),
    makePod('elsewhere', { nodeName: 'zzz' }),
    makePod('done', { nodeName: 'a', phase: 'Succeeded', requests: [{ cpu: '3' }] }),
    makePod('failed', { nodeName: 'b', phase: 'Failed' }),
  ];
  const [a, b] = nodeInfos(nodes, pods);
  assert.deepEqual(
    a!.pods.map((p) => p.metadata.name),
    ['p1', 'p2'],
  );
  assert.deepEqual(a!.requested, { milliCPU: 1500, memory: 1024 ** 3 });
  assert.deepEqual(a!.nonZeroRequested, { milliCPU: 1500, memory: 1024 ** 3 + 200 * 1024 ** 2 });
  assert.deepEqual(
    b!.pods.map((p) => p.metadata.name),
    ['p3'],
  );
  assert.deepEqual(a!.allocatable, { milliCPU: 4000, memory: 8 * 1024 ** 3, pods: 110 });
});

test('assume returns a new NodeInfo with the pod bound and its requests added', () => {
  const [a] = nodeInfos([makeNode('a')], []);
  const next = assume(a!, makePod('p', { requests: [{ cpu: '250m', memory: '100Mi' }] }));
  assert.equal(a!.pods.length, 0);
  assert.equal(next.pods[0]!.spec!.nodeName, 'a');
  assert.deepEqual(next.requested, { milliCPU: 250, memory: 100 * 1024 ** 2 });
});

test('effectiveTaints adds the lifecycle controller NoSchedule taints for conditions and cordons', () => {
  const cases: [string, Parameters<typeof makeNode>[1], string[]][] = [
    ['ready', { conditions: [{ type: 'Ready', status: 'True' }] }, []],
    ['not ready', { conditions: [{ type: 'Ready', status: 'False' }] }, ['node.kubernetes.io/not-ready']],
    ['unknown', { conditions: [{ type: 'Ready', status: 'Unknown' }] }, ['node.kubernetes.io/unreachable']],
    ['memory pressure', { conditions: [{ type: 'MemoryPressure', status: 'True' }] }, ['node.kubernetes.io/memory-pressure']],
    ['cordoned', { unschedulable: true }, ['node.kubernetes.io/unschedulable']],
    [
      'already tainted',
      { conditions: [{ type: 'Ready', status: 'False' }], taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] },
      ['node.kubernetes.io/not-ready'],
    ],
  ];
  for (const [name, options, want] of cases) {
    assert.deepEqual(
      effectiveTaints(makeNode('n', options)).map((t) => t.key),
      want,
      name,
    );
  }
});
