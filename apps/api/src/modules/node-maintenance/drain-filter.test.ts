import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { drainVerdict, planDrain, type DrainablePod, type DrainOptions } from './drain-filter.js';

const strict: DrainOptions = { force: false, ignoreDaemonSets: false, deleteEmptyDirData: false };
const owned = (kind: string) => [{ kind, name: 'owner', controller: true }];

function pod(name: string, extra: { owner?: string; phase?: string; emptyDir?: boolean; mirror?: boolean; nonController?: boolean } = {}): DrainablePod {
  return {
    metadata: {
      namespace: 'default',
      name,
      annotations: extra.mirror ? { 'kubernetes.io/config.mirror': 'abc' } : {},
      ownerReferences: extra.owner ? owned(extra.owner) : extra.nonController ? [{ kind: 'ReplicaSet', name: 'rs', controller: false }] : [],
    },
    spec: { volumes: extra.emptyDir ? [{ emptyDir: {} }] : [{}] },
    status: { phase: extra.phase ?? 'Running' },
  };
}

describe('drainVerdict', () => {
  test('a ReplicaSet pod is evicted without warnings', () => {
    assert.deepEqual(drainVerdict(pod('web', { owner: 'ReplicaSet' }), strict), { action: 'evict' });
  });

  test('a pod without a controller is refused unless forced; an owner that is not the controller does not count', () => {
    assert.deepEqual(drainVerdict(pod('bare'), strict), { action: 'refuse', reason: 'Pods that declare no controller (use --force to override)' });
    assert.equal(drainVerdict(pod('weak', { nonController: true }), strict).action, 'refuse');
    assert.deepEqual(drainVerdict(pod('bare'), { ...strict, force: true }), { action: 'evict', warning: 'deleting Pods that declare no controller' });
  });

  test('DaemonSet pods are an error, or skipped with ignoreDaemonSets (even with force)', () => {
    assert.deepEqual(drainVerdict(pod('ds', { owner: 'DaemonSet' }), strict), { action: 'refuse', reason: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' });
    assert.deepEqual(drainVerdict(pod('ds', { owner: 'DaemonSet' }), { ...strict, force: true }).action, 'refuse');
    assert.deepEqual(drainVerdict(pod('ds', { owner: 'DaemonSet' }), { ...strict, ignoreDaemonSets: true }), { action: 'skip', warning: 'ignoring DaemonSet-managed Pods' });
  });

  test('emptyDir pods are refused unless deleteEmptyDirData', () => {
    assert.deepEqual(drainVerdict(pod('cache', { owner: 'ReplicaSet', emptyDir: true }), strict), {
      action: 'refuse',
      reason: 'Pods with local storage (use --delete-emptydir-data to override)',
    });
    assert.deepEqual(drainVerdict(pod('cache', { owner: 'ReplicaSet', emptyDir: true }), { ...strict, deleteEmptyDirData: true }), {
      action: 'evict',
      warning: 'deleting Pods with local storage',
    });
  });

  test('local storage is checked before the controller: the first refusal names it', () => {
    assert.deepEqual(drainVerdict(pod('both', { emptyDir: true }), strict), { action: 'refuse', reason: 'Pods with local storage (use --delete-emptydir-data to override)' });
  });

  test('finished pods may always go, whatever owns them or what they mount', () => {
    for (const phase of ['Succeeded', 'Failed']) {
      assert.deepEqual(drainVerdict(pod('done', { phase, emptyDir: true }), strict), { action: 'evict' });
      assert.deepEqual(drainVerdict(pod('done-ds', { phase, owner: 'DaemonSet' }), strict), { action: 'evict' });
    }
  });

  test('mirror pods are skipped silently', () => {
    assert.deepEqual(drainVerdict(pod('static', { mirror: true }), strict), { action: 'skip' });
  });
});

describe('planDrain', () => {
  test('any refusal evicts nothing; errors group pods by reason as kubectl prints them', () => {
    const plan = planDrain([pod('web', { owner: 'ReplicaSet' }), pod('x'), pod('y'), pod('ds', { owner: 'DaemonSet' })], strict);
    assert.deepEqual(plan.toEvict, []);
    assert.deepEqual(plan.errors, [
      'cannot delete Pods that declare no controller (use --force to override): default/x, default/y',
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/ds',
    ]);
    assert.deepEqual(
      plan.verdicts.map((v) => v.verdict.action),
      ['evict', 'refuse', 'refuse', 'refuse'],
    );
  });

  test('with the overrides everything but DaemonSet pods is evicted, with warnings', () => {
    const pods = [pod('web', { owner: 'ReplicaSet' }), pod('x'), pod('ds', { owner: 'DaemonSet' }), pod('cache', { owner: 'ReplicaSet', emptyDir: true })];
    const plan = planDrain(pods, { force: true, ignoreDaemonSets: true, deleteEmptyDirData: true });
    assert.deepEqual(plan.errors, []);
    assert.deepEqual(
      plan.toEvict.map((p) => p.metadata.name),
      ['web', 'x', 'cache'],
    );
    assert.deepEqual(plan.warnings, [
      'deleting Pods that declare no controller: default/x',
      'ignoring DaemonSet-managed Pods: default/ds',
      'deleting Pods with local storage: default/cache',
    ]);
  });
});
