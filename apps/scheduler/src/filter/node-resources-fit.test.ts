import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import type { Container } from '@wheelhouse/model';
import { reasonsOf } from './filter-plugin.js';
import { nodeResourcesFit } from './node-resources-fit.js';

// fit_test.go TestEnoughRequests: allocatable 10m cpu, 20 bytes memory, 32 pods.
const req = (cpu: number, memory: number) => ({ cpu: `${cpu}m`, memory: `${memory}` });
const init = (...rs: [number, number][]): Container[] => rs.map(([cpu, memory]) => ({ resources: { requests: req(cpu, memory) } }));

const cases: { name: string; pod: [number, number] | null; init?: Container[]; existing: [number, number]; pods?: number; want: string[] }[] = [
  { name: 'no resources requested always fits', pod: null, existing: [10, 20], want: [] },
  { name: 'too many resources fails', pod: [1, 1], existing: [10, 20], want: ['Insufficient cpu', 'Insufficient memory'] },
  { name: 'too many resources fails due to init container cpu', pod: [1, 1], init: init([3, 1]), existing: [8, 19], want: ['Insufficient cpu'] },
  { name: 'too many resources fails due to highest init container cpu', pod: [1, 1], init: init([3, 1], [2, 1]), existing: [8, 19], want: ['Insufficient cpu'] },
  { name: 'too many resources fails due to init container memory', pod: [1, 1], init: init([1, 3]), existing: [9, 19], want: ['Insufficient memory'] },
  { name: 'too many resources fails due to highest init container memory', pod: [1, 1], init: init([1, 3], [1, 2]), existing: [9, 19], want: ['Insufficient memory'] },
  { name: "init container fits because it's the max, not sum, of containers and init containers", pod: [1, 1], init: init([1, 1]), existing: [9, 19], want: [] },
  { name: "multiple init containers fit because it's the max, not sum, of containers and init containers", pod: [1, 1], init: init([1, 1], [1, 1]), existing: [9, 19], want: [] },
  { name: 'both resources fit', pod: [1, 1], existing: [5, 5], want: [] },
  { name: 'one resource memory fits', pod: [2, 1], existing: [9, 5], want: ['Insufficient cpu'] },
  { name: 'one resource cpu fits', pod: [1, 2], existing: [5, 19], want: ['Insufficient memory'] },
  { name: 'equal edge case', pod: [5, 1], existing: [5, 19], want: [] },
  { name: 'equal edge case for init container', pod: [4, 1], init: init([5, 1]), existing: [5, 19], want: [] },
  // TestNotEnoughRequests / pod count: allocatable pods 1 with one pod already there.
  { name: "even for equal edge case predicate fails when there's no space for additional pod", pod: [5, 1], existing: [5, 19], pods: 1, want: ['Too many pods'] },
  { name: 'too many pods and too little cpu are both reported', pod: [6, 1], existing: [5, 19], pods: 1, want: ['Too many pods', 'Insufficient cpu'] },
];

for (const c of cases) {
  test(`NodeResourcesFit: ${c.name}`, () => {
    const existing = makePod('existing', { nodeName: 'n', requests: [req(...c.existing)] });
    const node = info('n', { cpu: '10m', memory: 20, pods: c.pods ?? 32 }, [existing]);
    const pod = makePod('p', { requests: [c.pod ? req(...c.pod) : {}], ...(c.init ? { init: c.init } : {}) });
    const result = nodeResourcesFit.filter(pod, node, ctxOf([node]));
    assert.deepEqual(reasonsOf(result), c.want);
    assert.equal(result.ok, c.want.length === 0);
  });
}
