import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideNamespace } from './decide.js';

const terminating = { terminating: true, specFinalizers: ['kubernetes'] };
const pod = (name: string, deleting = false) => ({ kind: 'Pod', name, deleting });

test('an active namespace, or one already finalized, needs nothing', () => {
  assert.deepEqual(decideNamespace({ terminating: false, specFinalizers: ['kubernetes'] }, [pod('a')]), { type: 'none' });
  assert.deepEqual(decideNamespace({ terminating: true, specFinalizers: [] }, []), { type: 'none' });
});

test('a terminating namespace deletes its content, waits for it, then finalizes', () => {
  assert.deepEqual(decideNamespace(terminating, [pod('a'), pod('b', true)]), { type: 'deleteContent', objects: [pod('a')] });
  assert.deepEqual(decideNamespace(terminating, [pod('b', true)]), { type: 'waitForContent', remaining: 1 });
  assert.deepEqual(decideNamespace(terminating, []), { type: 'finalize' });
});
