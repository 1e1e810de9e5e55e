import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PodKind, NamespaceKind, LeaseKind, type KubeObject } from '@wheelhouse/resources';
import { planCreate } from './plan-create.js';
import { planUpdate } from './plan-update.js';
import { planDelete } from './plan-delete.js';
import { mergePatch } from './merge-patch.js';
import type { WriteClock } from './write-plan.js';

const NOW = new Date('2026-01-02T03:04:05.678Z');
const clock: WriteClock = { now: () => NOW, newUid: () => '00000000-0000-4000-8000-000000000abc', nameSuffix: () => 'x7k2q' };

const podInput = (extra: Partial<KubeObject> = {}): KubeObject => ({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
  ...extra,
});
/** A stored pod as the store would return it. */
const stored = (extra: Partial<KubeObject['metadata']> = {}, spec: Record<string, unknown> = {}): KubeObject => {
  const plan = planCreate(PodKind, podInput(), 'default', clock);
  return { ...plan.object, metadata: { ...plan.object.metadata, resourceVersion: '7', ...extra }, spec: { ...plan.object.spec, ...spec } };
};

describe('planCreate', () => {
  test('fills server metadata, resets status, applies defaults', () => {
    const plan = planCreate(PodKind, { ...podInput(), status: { phase: 'Running' } }, 'default', clock);
    assert.equal(plan.type, 'create');
    assert.deepEqual(plan.object.metadata, {
      name: 'web',
      namespace: 'default',
      uid: '00000000-0000-4000-8000-000000000abc',
      generation: 1,
      labels: { app: 'web' },
      annotations: {},
      creationTimestamp: '2026-01-02T03:04:05Z',
      ownerReferences: [],
      finalizers: [],
    });
    assert.equal((plan.object.status as { phase: string }).phase, 'Pending');
    assert.equal((plan.object.spec as { restartPolicy: string }).restartPolicy, 'Always');
  });

  test('generateName gets a random suffix', () => {
    const plan = planCreate(PodKind, { ...podInput(), metadata: { generateName: 'web-' } }, 'default', clock);
    assert.equal(plan.object.metadata.name, 'web-x7k2q');
  });

  test('namespace from the request, the object, or default; a mismatch is an error', () => {
    assert.equal(planCreate(PodKind, podInput(), undefined, clock).object.metadata.namespace, 'default');
    assert.equal(planCreate(PodKind, { ...podInput(), metadata: { name: 'a', namespace: 'x' } }, undefined, clock).object.metadata.namespace, 'x');
    assert.throws(() => planCreate(PodKind, { ...podInput(), metadata: { name: 'a', namespace: 'x' } }, 'y', clock), { code: 'BAD_USER_INPUT', field: 'metadata.namespace' });
  });

  test('cluster-scoped kinds have no namespace', () => {
    const plan = planCreate(NamespaceKind, { metadata: { name: 'team' } }, 'ignored', clock);
    assert.equal(plan.object.metadata.namespace, undefined);
  });

  test('invalid objects throw BAD_USER_INPUT naming the first field', () => {
    assert.throws(() => planCreate(PodKind, { metadata: { name: 'Web' }, spec: { containers: [{ name: 'a', image: 'x' }] } }, 'default', clock), {
      code: 'BAD_USER_INPUT',
      field: 'metadata.name',
    });
    assert.throws(() => planCreate(PodKind, { metadata: {}, spec: {} }, 'default', clock), { code: 'BAD_USER_INPUT' });
  });
});

describe('planUpdate', () => {
  test('another uid is a precondition that fails: 409 CONFLICT with the storage layer message (regression: it was ignored)', () => {
    const current = stored();
    const desired = mergePatch(current, { metadata: { uid: 'forged' } }) as KubeObject;
    assert.throws(() => planUpdate(PodKind, current, desired, 'main', clock), {
      code: 'CONFLICT',
      message: `Operation cannot be fulfilled on pods "web": Precondition failed: UID in precondition: forged, UID in object meta: ${current.metadata.uid}`,
    });
  });

  test('a malformed resourceVersion precondition is BAD_USER_INPUT, a stale one CONFLICT', () => {
    const current = stored();
    const malformed = mergePatch(current, { metadata: { resourceVersion: '12abc' } }) as KubeObject;
    assert.throws(() => planUpdate(PodKind, current, malformed, 'main', clock), { code: 'BAD_USER_INPUT', field: 'metadata.resourceVersion' });
  });

  test('a spec change bumps generation and keeps status; server metadata cannot be changed', () => {
    const current = stored();
    const desired = mergePatch(current, {
      metadata: { creationTimestamp: '1999-01-01T00:00:00Z' },
      spec: { activeDeadlineSeconds: 30 },
      status: { phase: 'Failed' },
    }) as KubeObject;
    const plan = planUpdate(PodKind, current, desired, 'main', clock);
    assert.equal(plan.type, 'update');
    assert.equal(plan.object.metadata.generation, 2);
    assert.equal(plan.object.metadata.uid, current.metadata.uid);
    assert.equal(plan.object.metadata.creationTimestamp, current.metadata.creationTimestamp);
    assert.deepEqual(plan.object.status, current.status);
  });

  test('a metadata-only change keeps generation', () => {
    const current = stored();
    const plan = planUpdate(PodKind, current, mergePatch(current, { metadata: { labels: { app: 'other' } } }) as KubeObject, 'main', clock);
    assert.equal(plan.type, 'update');
    assert.equal(plan.object.metadata.generation, 1);
  });

  test('a status write changes only status', () => {
    const current = stored();
    const plan = planUpdate(
      PodKind,
      current,
      mergePatch(current, { metadata: { labels: { x: 'y' } }, spec: { activeDeadlineSeconds: 5 }, status: { phase: 'Running' } }) as KubeObject,
      'status',
      clock,
    );
    assert.equal(plan.type, 'update');
    assert.deepEqual(plan.object.metadata, current.metadata);
    assert.deepEqual(plan.object.spec, current.spec);
    assert.equal((plan.object.status as { phase: string }).phase, 'Running');
  });

  test('no change is unchanged (no new revision)', () => {
    const current = stored();
    assert.equal(planUpdate(PodKind, current, structuredClone(current), 'main', clock).type, 'unchanged');
  });

  test('a stale resourceVersion is CONFLICT', () => {
    const current = stored();
    assert.throws(() => planUpdate(PodKind, current, { ...current, metadata: { ...current.metadata, resourceVersion: '6' } }, 'main', clock), { code: 'CONFLICT' });
  });

  test('removing the last finalizer of a terminating object deletes it', () => {
    const current = stored({ finalizers: ['example.com/x'], deletionTimestamp: '2026-01-02T03:04:05Z', deletionGracePeriodSeconds: 0 });
    const plan = planUpdate(PodKind, current, mergePatch(current, { metadata: { finalizers: [] } }) as KubeObject, 'main', clock);
    assert.equal(plan.type, 'delete');
  });

  test('a pod still in its grace period is not deleted by an update', () => {
    const current = stored({ deletionTimestamp: '2026-01-02T03:04:35Z', deletionGracePeriodSeconds: 30 }, { nodeName: 'n1' });
    const plan = planUpdate(PodKind, current, mergePatch(current, { metadata: { labels: { a: 'b' } } }) as KubeObject, 'main', clock);
    assert.equal(plan.type, 'update');
  });
});

describe('planDelete', () => {
  test('no finalizers, no grace: delete now', () => {
    assert.equal(
      planDelete(
        LeaseKind,
        { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'l', namespace: 'd', resourceVersion: '3', generation: 1 }, spec: {} },
        {},
        clock,
      ).type,
      'delete',
    );
  });

  test('finalizers hold the object with deletionTimestamp and grace 0, bumping generation once', () => {
    const plan = planDelete(PodKind, stored({ finalizers: ['example.com/x'] }), {}, clock);
    assert.equal(plan.type, 'update');
    assert.equal(plan.object.metadata.deletionTimestamp, '2026-01-02T03:04:05Z');
    assert.equal(plan.object.metadata.deletionGracePeriodSeconds, 0);
    assert.equal(plan.object.metadata.generation, 2);
    assert.equal(planDelete(PodKind, plan.object, {}, clock).type, 'unchanged', 'a second delete changes nothing');
  });

  test('a bound pod waits out its grace period (request, then spec, then 30 s)', () => {
    const bound = stored({}, { nodeName: 'n1', terminationGracePeriodSeconds: 45 });
    assert.equal(planDelete(PodKind, bound, {}, clock).object.metadata.deletionGracePeriodSeconds, 45);
    assert.equal(planDelete(PodKind, bound, { gracePeriodSeconds: 5 }, clock).object.metadata.deletionTimestamp, '2026-01-02T03:04:10Z');
    assert.equal(planDelete(PodKind, bound, { gracePeriodSeconds: 0 }, clock).type, 'delete', 'grace 0 is a force delete');
  });

  test('an unbound or finished pod goes at once', () => {
    assert.equal(planDelete(PodKind, stored(), {}, clock).type, 'delete');
    const finished = { ...stored({}, { nodeName: 'n1' }), status: { phase: 'Succeeded' } };
    assert.equal(planDelete(PodKind, finished, {}, clock).type, 'delete');
  });

  test('propagation policies add the garbage collector finalizers', () => {
    assert.deepEqual(planDelete(PodKind, stored(), { propagationPolicy: 'Foreground' }, clock).object.metadata.finalizers, ['foregroundDeletion']);
    assert.deepEqual(planDelete(PodKind, stored(), { propagationPolicy: 'Orphan' }, clock).object.metadata.finalizers, ['orphan']);
    assert.equal(planDelete(PodKind, stored(), { propagationPolicy: 'Background' }, clock).type, 'delete');
  });

  test('a namespace turns Terminating while its spec finalizers remain', () => {
    const ns = planCreate(NamespaceKind, { metadata: { name: 'team' } }, undefined, clock).object;
    const plan = planDelete(NamespaceKind, { ...ns, metadata: { ...ns.metadata, resourceVersion: '2' } }, {}, clock);
    assert.equal(plan.type, 'update');
    assert.equal((plan.object.status as { phase: string }).phase, 'Terminating');
    assert.ok(plan.object.metadata.deletionTimestamp);
  });

  test('a resourceVersion precondition is checked', () => {
    assert.throws(() => planDelete(PodKind, stored(), { resourceVersion: '1' }, clock), { code: 'CONFLICT' });
  });
});

describe('mergePatch (RFC 7386)', () => {
  const cases: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [target, patch, result] of cases) {
    test(`${JSON.stringify(target)} + ${JSON.stringify(patch)}`, () => assert.deepEqual(mergePatch(target, patch), result));
  }
});
