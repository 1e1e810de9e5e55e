import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schedule, type ScheduleResult } from './chain.js';
import { assumeOn, nodeInfos, type NodeInfo } from './node-info.js';
import { makeNode, makePod, info } from './test-fixtures.js';
import type { Affinity, Pod } from '@wheelhouse/model';

const messageOf = (r: ScheduleResult) => ('message' in r ? r.message : `scheduled on ${r.node}`);
const nodeOf = (r: ScheduleResult) => ('node' in r ? r.node : `unschedulable: ${r.message}`);

test('the unschedulable message counts reasons per node and sorts them like kube-scheduler', () => {
  const infos = [
    info('cpu-1', { cpu: '500m', labels: { disk: 'ssd' } }),
    info('cpu-2', { cpu: '500m', labels: { disk: 'ssd' } }),
    info('db', { labels: { disk: 'ssd' }, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }),
    info('hdd-1', { labels: { disk: 'hdd' } }),
    info('hdd-2', { labels: { disk: 'hdd' } }),
    info('plain'),
  ];
  const pod = makePod('p', { nodeSelector: { disk: 'ssd' }, requests: [{ cpu: '1' }] });
  const result = schedule(pod, infos);
  assert.equal(
    messageOf(result),
    "0/6 nodes are available: 1 node(s) had untolerated taint {dedicated: db}, 2 Insufficient cpu, 3 node(s) didn't match Pod's node affinity/selector.",
  );
  assert.ok('filtered' in result);
  assert.deepEqual(result.filtered.get('db'), ['node(s) had untolerated taint {dedicated: db}']);
});

test('a node stops at its first failing filter: cordoned and tainted reports only unschedulable', () => {
  const infos = [
    info('a', { unschedulable: true, taints: [{ key: 'x', effect: 'NoSchedule' }] }),
    info('b', { cpu: '100m', pods: 0 }),
    info('c', { conditions: [{ type: 'Ready', status: 'False' }] }),
  ];
  assert.equal(
    messageOf(schedule(makePod('p', { requests: [{ cpu: '1' }] }), infos)),
    '0/3 nodes are available: 1 Insufficient cpu, 1 Too many pods, 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 1 node(s) were unschedulable.',
  );
});

test("no nodes: kube-scheduler's ErrNoNodesAvailable", () => {
  assert.equal(messageOf(schedule(makePod('p'), [])), 'no nodes available to schedule pods');
});

test('picks the best scoring feasible node', () => {
  const infos = nodeInfos(
    [makeNode('busy', { cpu: '4' }), makeNode('idle', { cpu: '4' }), makeNode('tainted', { taints: [{ key: 'k', effect: 'PreferNoSchedule' }] })],
    [makePod('x', { nodeName: 'busy', requests: [{ cpu: '3', memory: '1Gi' }] })],
  );
  assert.equal(nodeOf(schedule(makePod('p', { requests: [{ cpu: '500m', memory: '256Mi' }] }), infos)), 'idle');
});

test('ties go to the first node by name, or to a reproducible seeded choice among the tied', () => {
  const infos = ['n3', 'n1', 'n2'].map((n) => info(n));
  assert.equal(nodeOf(schedule(makePod('p'), infos)), 'n1');
  const picks = new Set<string>();
  for (let seed = 0; seed < 20; seed++) {
    const a = nodeOf(schedule(makePod('p'), infos, { seed }));
    assert.equal(nodeOf(schedule(makePod('p'), infos, { seed })), a);
    picks.add(a);
  }
  assert.ok([...picks].every((p) => ['n1', 'n2', 'n3'].includes(p)));
  assert.ok(picks.size > 1);
});

test('score weights are configurable: preferred node affinity can be made to dominate', () => {
  const affinity: Affinity = {
    nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] } }] },
  };
  const infos = nodeInfos(
    [makeNode('a', { labels: { zone: 'a' } }), makeNode('b', { labels: { zone: 'b' } })],
    [makePod('x', { nodeName: 'b', requests: [{ cpu: '3', memory: '6Gi' }] })],
  );
  const pod = makePod('p', { affinity, requests: [{ cpu: '100m', memory: '100Mi' }] });
  assert.equal(nodeOf(schedule(pod, infos, { weights: { NodeAffinity: 0 } })), 'a');
  assert.equal(nodeOf(schedule(pod, infos, { weights: { NodeAffinity: 10 } })), 'b');
});

/** Schedules `pods` one after another, assuming each onto its node like the scheduler cache. */
function scheduleAll(pods: Pod[], start: NodeInfo[]) {
  let infos = start;
  const results = pods.map((pod) => {
    const result = schedule(pod, infos);
    if ('node' in result) infos = assumeOn(infos, result.node, pod);
    return result;
  });
  return { results, infos };
}

test('many pods in sequence with assume never over-commit cpu, memory or pod slots', () => {
  const start = nodeInfos(
    [
      makeNode('big-1', { cpu: '4', memory: '8Gi', pods: 110 }),
      makeNode('big-2', { cpu: '4', memory: '8Gi', pods: 110 }),
      makeNode('small', { cpu: '2', memory: '2Gi', pods: 3 }),
      makeNode('tiny', { cpu: '8', memory: '64Gi', pods: 2 }),
    ],
    [],
  );
  const pods = Array.from({ length: 40 }, (_, i) => makePod(`p${i}`, { requests: [{ cpu: i % 2 ? '500m' : '1', memory: i % 3 ? '512Mi' : '1Gi' }] }));
  const { results, infos } = scheduleAll(pods, start);
  for (const n of infos) {
    assert.ok(n.requested.milliCPU <= n.allocatable.milliCPU, `${n.name} cpu ${n.requested.milliCPU}`);
    assert.ok(n.requested.memory <= n.allocatable.memory, `${n.name} memory`);
    assert.ok(n.pods.length <= n.allocatable.pods, `${n.name} pods`);
  }
  const placed = results.filter((r) => 'node' in r).length;
  assert.equal(
    placed,
    infos.reduce((sum, n) => sum + n.pods.length, 0),
  );
  // 18 cpu and 7 slots on the small nodes for 30 cpu of requests: some pods must be turned away.
  assert.ok(placed < 40 && placed >= 14, `placed ${placed}`);
  // Whatever is turned away is turned away for resources, never for a wrong reason.
  for (const r of results) if ('message' in r) assert.match(r.message, /^0\/4 nodes are available: (\d+ (Insufficient cpu|Insufficient memory|Too many pods)(, |\.$))+$/);
  const last = results.at(-1)!;
  assert.ok('message' in last);
  // small is out of slots, cpu and memory at once; tiny out of slots; the big ones out of cpu.
  assert.equal(last.message, '0/4 nodes are available: 1 Insufficient memory, 2 Too many pods, 3 Insufficient cpu.');
});

test('equal pods spread over equal nodes (LeastAllocated)', () => {
  const start = nodeInfos(
    ['a', 'b', 'c'].map((n) => makeNode(n)),
    [],
  );
  const { infos } = scheduleAll(
    Array.from({ length: 6 }, (_, i) => makePod(`p${i}`, { requests: [{ cpu: '500m', memory: '1Gi' }] })),
    start,
  );
  assert.deepEqual(
    infos.map((n) => n.pods.length),
    [2, 2, 2],
  );
});

test('required anti-affinity on hostname puts replicas on distinct nodes, then explains why the next one cannot fit', () => {
  const affinity: Affinity = {
    podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] },
  };
  const start = nodeInfos(
    ['a', 'b', 'c'].map((n) => makeNode(n, { labels: { 'kubernetes.io/hostname': n } })),
    [],
  );
  const pods = Array.from({ length: 4 }, (_, i) => makePod(`web-${i}`, { labels: { app: 'web' }, affinity }));
  const { results, infos } = scheduleAll(pods, start);
  assert.deepEqual(
    infos.map((n) => n.pods.length),
    [1, 1, 1],
  );
  assert.equal(messageOf(results[3]!), "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules.");
});

test('required pod affinity co-locates with its peer; tolerations open tainted nodes', () => {
  const start = nodeInfos(
    [makeNode('a', { labels: { zone: 'x' } }), makeNode('b', { labels: { zone: 'y' }, taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] })],
    [makePod('db', { nodeName: 'b', labels: { app: 'db' } })],
  );
  const affinity: Affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'zone' }] } };
  assert.equal(
    messageOf(schedule(makePod('cache', { affinity }), start)),
    "0/2 nodes are available: 1 node(s) didn't match pod affinity rules, 1 node(s) had untolerated taint {dedicated: db}.",
  );
  const tolerant = makePod('cache', { affinity, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }] });
  assert.equal(nodeOf(schedule(tolerant, start)), 'b');
});
