import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionTaints, reconcileTaints } from './node-taints.js';
import { at, pressure, ready, stamp } from './fixtures.js';
import type { Taint } from '@wheelhouse/model';

describe('conditionTaints', () => {
  test('Ready=Unknown: unreachable NoSchedule and NoExecute; Ready=False: not-ready; Ready=True: none', () => {
    assert.deepEqual(conditionTaints([ready('Unknown')], false), [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    ]);
    assert.deepEqual(conditionTaints([ready('False')], false), [
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
    ]);
    assert.deepEqual(conditionTaints([ready('True')], false), []);
    assert.deepEqual(conditionTaints([], false), [], 'no Ready condition yet: no verdict');
  });

  test('pressure conditions and the cordon bring NoSchedule taints', () => {
    assert.deepEqual(conditionTaints([ready('True'), pressure('MemoryPressure', 'True'), pressure('DiskPressure', 'False'), pressure('PIDPressure', 'True')], true), [
      { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
    ]);
  });
});

describe('reconcileTaints', () => {
  const user: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };

  test('adds the unreachable taints with timeAdded on NoExecute, after the taints already there', () => {
    assert.deepEqual(reconcileTaints([user], [ready('Unknown')], false, at(60)), [
      user,
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: stamp(60) },
    ]);
  });

  test('keeps timeAdded of a taint that stays; nothing changes → undefined', () => {
    const current = reconcileTaints([], [ready('Unknown')], false, at(60))!;
    assert.equal(reconcileTaints(current, [ready('Unknown')], false, at(90)), undefined);
  });

  test('not-ready swaps for unreachable when the kubelet goes silent', () => {
    const notReady = reconcileTaints([], [ready('False')], false, at(10))!;
    assert.deepEqual(reconcileTaints(notReady, [ready('Unknown')], false, at(60)), [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: stamp(60) },
    ]);
  });

  test('recovery removes the managed taints, and only those', () => {
    const tainted = reconcileTaints([user], [ready('Unknown')], false, at(60))!;
    assert.deepEqual(reconcileTaints(tainted, [ready('True')], false, at(90)), [user]);
  });

  test("another's NoExecute taint without timeAdded gets one, so its tolerationSeconds can count", () => {
    const theirs: Taint = { key: 'maintenance', effect: 'NoExecute' };
    assert.deepEqual(reconcileTaints([theirs], [ready('True')], false, at(5)), [{ key: 'maintenance', effect: 'NoExecute', timeAdded: stamp(5) }]);
  });

  test('zone disruption: hold adds no NoExecute taint but keeps one there; lift removes it; NoSchedule ones stay', () => {
    assert.deepEqual(reconcileTaints([], [ready('Unknown')], false, at(60), 'hold'), [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]);
    const tainted = reconcileTaints([], [ready('Unknown')], false, at(60))!;
    assert.equal(reconcileTaints(tainted, [ready('Unknown')], false, at(90), 'hold'), undefined);
    assert.deepEqual(reconcileTaints(tainted, [ready('Unknown')], false, at(90), 'lift'), [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]);
  });

  test('held, a not-ready NoExecute taint is not swapped for unreachable yet (its pods keep their clocks)', () => {
    const notReady = reconcileTaints([], [ready('False')], false, at(10))!;
    assert.deepEqual(reconcileTaints(notReady, [ready('Unknown')], false, at(60), 'hold'), [
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute', timeAdded: stamp(10) },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ]);
  });
});
