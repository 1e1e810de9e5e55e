import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SchedulerCache } from './cache.js';
import { makeNode, makePod } from './test-fixtures.js';

const cpuOf = (cache: SchedulerCache, node: string) => cache.nodeInfo(node)!.requested.milliCPU;

test('bound pods count on their node; finished, unbound and deleted ones do not', () => {
  const cache = new SchedulerCache();
  cache.setNode(makeNode('b'));
  cache.setNode(makeNode('a'));
  assert.deepEqual(
    cache.nodeInfos().map((i) => i.name),
    ['a', 'b'],
    'sorted by name',
  );
  cache.updatePod('ns/p1', makePod('p1', { nodeName: 'a', requests: [{ cpu: '500m' }] }));
  cache.updatePod('ns/p2', makePod('p2', { nodeName: 'a', requests: [{ cpu: '250m' }] }));
  cache.updatePod('ns/p3', makePod('p3', { requests: [{ cpu: '1' }] }));
  assert.equal(cpuOf(cache, 'a'), 750);
  cache.updatePod('ns/p2', makePod('p2', { nodeName: 'a', requests: [{ cpu: '250m' }], phase: 'Succeeded' }));
  assert.equal(cpuOf(cache, 'a'), 500, 'a finished pod frees its room');
  cache.removePod('ns/p1');
  assert.equal(cpuOf(cache, 'a'), 0);
  assert.equal(cache.nodeInfo('a')!.pods.length, 0);
});

test('an assumed pod counts at once, survives a stale unbound update, and is replaced by the bound one', () => {
  const cache = new SchedulerCache();
  cache.setNode(makeNode('a'));
  const pod = makePod('p', { requests: [{ cpu: '1' }] });
  cache.assume('ns/p', pod, 'a');
  assert.equal(cpuOf(cache, 'a'), 1000);
  assert.equal(cache.nodeInfo('a')!.pods[0]!.spec?.nodeName, 'a');
  cache.updatePod('ns/p', pod);
  assert.equal(cpuOf(cache, 'a'), 1000, 'the informer has not seen the binding yet');
  cache.updatePod('ns/p', makePod('p', { nodeName: 'a', requests: [{ cpu: '1' }] }));
  assert.equal(cache.isAssumed('ns/p'), false);
  cache.forget('ns/p');
  assert.equal(cpuOf(cache, 'a'), 1000, 'forget leaves a confirmed pod alone');
});

test('forget drops a failed assumption; a pod bound elsewhere moves', () => {
  const cache = new SchedulerCache();
  for (const n of ['a', 'b']) cache.setNode(makeNode(n));
  const pod = makePod('p', { requests: [{ cpu: '1' }] });
  cache.assume('ns/p', pod, 'a');
  cache.forget('ns/p');
  assert.equal(cpuOf(cache, 'a'), 0);
  cache.assume('ns/p', pod, 'a');
  cache.updatePod('ns/p', makePod('p', { nodeName: 'b', requests: [{ cpu: '1' }] }));
  assert.deepEqual([cpuOf(cache, 'a'), cpuOf(cache, 'b')], [0, 1000]);
});

test('pods of a node not yet known count once it appears; a removed node is gone', () => {
  const cache = new SchedulerCache();
  cache.updatePod('ns/p', makePod('p', { nodeName: 'late', requests: [{ cpu: '2' }] }));
  assert.equal(cache.nodeCount, 0);
  cache.setNode(makeNode('late'));
  assert.equal(cpuOf(cache, 'late'), 2000);
  cache.setNode(makeNode('late', { cpu: '8' }));
  assert.equal(cache.nodeInfo('late')!.allocatable.milliCPU, 8000, 'a node update keeps its pods');
  assert.equal(cpuOf(cache, 'late'), 2000);
  cache.removeNode('late');
  assert.deepEqual(cache.nodeInfos(), []);
});
