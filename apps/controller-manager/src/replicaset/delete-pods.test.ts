import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Expectations } from '@wheelhouse/controller-runtime';
import { deletePods } from './delete-pods.js';

const pod = (n: number) => ({ metadata: { name: `p${n}`, uid: `u${n}` } });

test('deletePods: every deletion is expected before the first call, and stays expected when the calls succeed', async () => {
  const expectations = new Expectations();
  const pending: string[][] = [];
  const result = await deletePods(expectations, 'ns/rs', [pod(1), pod(2), pod(3)], async () => {
    pending.push(expectations.pending('ns/rs')?.deletions ?? []);
  });
  assert.deepEqual(pending[0], ['u1', 'u2', 'u3']);
  assert.deepEqual(
    result.deleted.map((p) => p.metadata.name),
    ['p1', 'p2', 'p3'],
  );
  assert.deepEqual(result.failed, []);
  assert.equal(result.error, undefined);
  assert.deepEqual(expectations.pending('ns/rs')?.deletions, ['u1', 'u2', 'u3']); // until the informer sees them
});

test('deletePods: failed deletes are marked observed; the others still run; the first failure is reported', async () => {
  const expectations = new Expectations();
  const calls: string[] = [];
  const result = await deletePods(expectations, 'ns/rs', [pod(1), pod(2), pod(3), pod(4)], async (p) => {
    calls.push(p.metadata.name);
    if (p.metadata.name === 'p2') throw new Error('first');
    if (p.metadata.name === 'p4') throw new Error('second');
  });
  assert.deepEqual(calls, ['p1', 'p2', 'p3', 'p4']);
  assert.deepEqual(
    result.deleted.map((p) => p.metadata.name),
    ['p1', 'p3'],
  );
  assert.deepEqual(
    result.failed.map((p) => p.metadata.name),
    ['p2', 'p4'],
  );
  assert.equal((result.error as Error).message, 'first');
  assert.deepEqual(expectations.pending('ns/rs')?.deletions, ['u1', 'u3']);
  expectations.deletionObserved('ns/rs', 'u1');
  expectations.deletionObserved('ns/rs', 'u3');
  assert.equal(expectations.satisfied('ns/rs'), true);
});

test('deletePods: nothing to delete makes no call', async () => {
  const expectations = new Expectations();
  let calls = 0;
  const result = await deletePods(expectations, 'ns/rs', [], async () => void calls++);
  assert.equal(calls, 0);
  assert.deepEqual(result, { deleted: [], failed: [], gone: [] });
  assert.equal(expectations.satisfied('ns/rs'), true);
});

test('deletePods: a pod already gone (NotFound) is no failure, and no deletion of it is expected any more', async () => {
  const expectations = new Expectations();
  const notFound = Object.assign(new Error('pods "p2" not found'), { code: 'NOT_FOUND' });
  const result = await deletePods(
    expectations,
    'ns/rs',
    [pod(1), pod(2)],
    async (p) => {
      if (p.metadata.name === 'p2') throw notFound;
    },
    (error) => (error as { code?: string }).code === 'NOT_FOUND',
  );
  assert.deepEqual(
    result.deleted.map((p) => p.metadata.name),
    ['p1'],
  );
  assert.deepEqual(
    result.gone.map((p) => p.metadata.name),
    ['p2'],
  );
  assert.deepEqual(result.failed, []);
  assert.equal(result.error, undefined);
  assert.deepEqual(expectations.pending('ns/rs')?.deletions, ['u1']);
});
