import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evictionDeadline } from './taint-eviction.js';
import { notReadyFor, pod, stamp, T0, unreachableFor } from './fixtures.js';
import type { Taint } from '@wheelhouse/model';

const unreachable = (added: number): Taint => ({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: stamp(added) });
const s = (seconds: number) => T0 + seconds * 1000;

describe('evictionDeadline', () => {
  test('no NoExecute taint: never', () => {
    assert.equal(evictionDeadline(pod('p'), [{ key: 'x', effect: 'NoSchedule' }]), null);
  });

  test('an untolerated taint: at once (when it was added)', () => {
    assert.equal(evictionDeadline(pod('p'), [unreachable(60)]), s(60));
    assert.equal(evictionDeadline(pod('p', { tolerations: [notReadyFor(300)] }), [unreachable(60)]), s(60), 'a toleration of another taint does not help');
  });

  test('tolerationSeconds counts from timeAdded', () => {
    assert.equal(evictionDeadline(pod('p', { tolerations: [notReadyFor(300), unreachableFor(300)] }), [unreachable(60)]), s(360));
  });

  test('...or from the pod creation when the pod came later', () => {
    assert.equal(evictionDeadline(pod('p', { tolerations: [unreachableFor(30)], created: 100 }), [unreachable(60)]), s(130));
  });

  test('no tolerationSeconds: tolerated forever; zero or negative: at once', () => {
    assert.equal(evictionDeadline(pod('p', { tolerations: [unreachableFor()] }), [unreachable(60)]), null);
    assert.equal(evictionDeadline(pod('p', { tolerations: [unreachableFor(0)] }), [unreachable(60)]), s(60));
    assert.equal(evictionDeadline(pod('p', { tolerations: [unreachableFor(-5)] }), [unreachable(60)]), s(60));
  });

  test('the first matching toleration decides for a taint, as GetMatchingTolerations picks it', () => {
    const everything = { operator: 'Exists' };
    assert.equal(evictionDeadline(pod('p', { tolerations: [everything, unreachableFor(5)] }), [unreachable(60)]), null);
    assert.equal(evictionDeadline(pod('p', { tolerations: [unreachableFor(5), everything] }), [unreachable(60)]), s(65));
  });

  test('several taints: the earliest deadline wins', () => {
    const maintenance: Taint = { key: 'maintenance', value: 'yes', effect: 'NoExecute', timeAdded: stamp(100) };
    const tolerations = [unreachableFor(300), { key: 'maintenance', operator: 'Equal', value: 'yes', effect: 'NoExecute', tolerationSeconds: 10 }];
    assert.equal(evictionDeadline(pod('p', { tolerations }), [unreachable(60), maintenance]), s(110));
  });

  test('a taint without timeAdded waits until the controller stamps it', () => {
    assert.equal(evictionDeadline(pod('p'), [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]), null);
  });
});
