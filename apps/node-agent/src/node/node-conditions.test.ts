import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionsChanged, nodeConditions } from './node-conditions.js';

const healthy = { memoryPressure: false, diskPressure: false, pidPressure: false };

test('a healthy node reports the kubelet reasons in kubelet order', () => {
  const conditions = nodeConditions(healthy, undefined, 't1');
  assert.deepEqual(
    conditions.map((c) => [c.type, c.status, c.reason]),
    [
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'True', 'KubeletReady'],
    ],
  );
  assert.equal(conditions[3]!.message, 'kubelet is posting ready status');
  assert.ok(conditions.every((c) => c.lastHeartbeatTime === 't1' && c.lastTransitionTime === 't1'));
});

test('heartbeat moves on every report, transition only on a status change', () => {
  const first = nodeConditions(healthy, undefined, 't1');
  const second = nodeConditions({ ...healthy, memoryPressure: true }, first, 't2');
  const memory = second.find((c) => c.type === 'MemoryPressure')!;
  assert.deepEqual([memory.status, memory.reason, memory.lastTransitionTime, memory.lastHeartbeatTime], ['True', 'KubeletHasInsufficientMemory', 't2', 't2']);
  const ready = second.find((c) => c.type === 'Ready')!;
  assert.deepEqual([ready.lastTransitionTime, ready.lastHeartbeatTime], ['t1', 't2']);
  assert.equal(conditionsChanged(second, first), true);
  assert.equal(conditionsChanged(nodeConditions(healthy, first, 't3'), first), false);
});

test('not ready carries its reason', () => {
  const ready = nodeConditions({ ...healthy, notReady: 'container runtime is down' }, undefined, 't').find((c) => c.type === 'Ready')!;
  assert.deepEqual([ready.status, ready.reason, ready.message], ['False', 'KubeletNotReady', 'container runtime is down']);
});
