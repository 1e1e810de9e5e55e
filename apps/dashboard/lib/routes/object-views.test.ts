import { test } from 'node:test';
import assert from 'node:assert/strict';
import { objectFromSegments, viewHref } from './object-views.ts';

test('view links carry the namespace for namespaced kinds only', () => {
  assert.equal(viewHref('history', 'deployments', true, { namespace: 'prod', name: 'web' }), '/history/deployments/prod/web');
  assert.equal(viewHref('edit', 'pods', true, { name: 'p' }), '/edit/pods/default/p');
  assert.equal(viewHref('history', 'nodes', false, { name: 'n 1' }), '/history/nodes/n%201');
});

test('segments parse back, and a wrong count is not an object', () => {
  assert.deepEqual(objectFromSegments(true, ['prod', 'web']), { namespace: 'prod', name: 'web' });
  assert.deepEqual(objectFromSegments(false, ['n%201']), { name: 'n 1' });
  assert.equal(objectFromSegments(true, ['web']), undefined);
  assert.equal(objectFromSegments(false, ['a', 'b']), undefined);
});
