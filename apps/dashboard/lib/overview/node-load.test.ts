import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterCapacity, loadTone, nodeLoads } from './node-load.ts';
import type { Node } from '../kinds/objects.ts';

const node = (name: string, ready: boolean, extra: Partial<Node['spec']> = {}): Node => ({
  metadata: { name },
  spec: { ...extra },
  status: { allocatable: { cpu: '4', memory: '8Gi', pods: '10' }, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const gi = 2 ** 30;

test('nodes come unhealthy first (not Ready, then cordoned), then the busiest, by the highest of cpu, memory and pods', () => {
  const requested = new Map([
    ['busy', { cpu: 1, memory: 7 * gi, pods: 2 }],
    ['idle', { cpu: 0.4, memory: 0, pods: 1 }],
    ['down', { cpu: 0, memory: 0, pods: 0 }],
    ['cordoned', { cpu: 0, memory: 0, pods: 0 }],
  ]);
  const loads = nodeLoads([node('idle', true), node('busy', true), node('down', false), node('cordoned', true, { unschedulable: true })], requested);
  assert.deepEqual(
    loads.map((n) => n.name),
    ['down', 'cordoned', 'busy', 'idle'],
  );
  const busy = loads.find((n) => n.name === 'busy')!;
  assert.equal(busy.cpu, 25);
  assert.equal(busy.memory, 87.5);
  assert.equal(busy.load, 87.5);
  assert.equal(loads[1]!.status, 'Ready,SchedulingDisabled');
  assert.equal(loads.find((n) => n.name === 'idle')!.load, 10, 'pods 1/10 is more than cpu 0.4/4? equal: 10%');
});

test('cluster capacity sums the Ready nodes only', () => {
  const requested = new Map([
    ['a', { cpu: 1, memory: gi, pods: 3 }],
    ['b', { cpu: 2, memory: gi, pods: 4 }],
  ]);
  const c = clusterCapacity([node('a', true), node('b', false)], requested);
  assert.equal(c.nodes, 2);
  assert.equal(c.readyNodes, 1);
  assert.deepEqual(c.allocatable, { cpu: 4, memory: 8 * gi, pods: 10 });
  assert.deepEqual(c.requested, { cpu: 1, memory: gi, pods: 3 });
});

test('load tones step at 30, 70 and 90 percent', () => {
  assert.deepEqual([0, 29.9, 30, 70, 89, 90, 100].map(loadTone), ['low', 'low', 'medium', 'high', 'high', 'full', 'full']);
});
