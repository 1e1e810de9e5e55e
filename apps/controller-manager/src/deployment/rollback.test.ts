import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReplicaSet } from '@wheelhouse/model';
import { REVISION_ANNOTATION, ROLLBACK_TO_ANNOTATION } from './annotations.js';
import { newDeployment, rs } from './fixtures.js';
import { rollbackRevisionOf, rollbackTarget, rollbackToTemplate } from './rollback.js';

const atRevision = (name: string, revision: string, image: string): ReplicaSet => ({
  ...rs(name, 1),
  metadata: { name, uid: name, annotations: { [REVISION_ANNOTATION]: revision, 'kubernetes.io/change-cause': `deploy ${image}` } },
  spec: { replicas: 1, template: { metadata: { labels: { foo: 'bar', 'pod-template-hash': `h-${name}` } }, spec: { containers: [{ name: 'app', image }] } } },
});
const rss = [atRevision('v1', '1', 'foo/one'), atRevision('v2', '2', 'foo/two'), atRevision('v3', '3', 'foo/bar')];

test('rollbackTarget: 0 means the previous revision; unknown revisions find nothing', () => {
  assert.equal(rollbackTarget(rss, 0)?.metadata.name, 'v2');
  assert.equal(rollbackTarget(rss, 1)?.metadata.name, 'v1');
  assert.equal(rollbackTarget(rss, 9), undefined);
  assert.equal(rollbackTarget([rss[0]], 0), undefined);
});

test('rollbackRevisionOf reads the deprecated rollbackTo annotation', () => {
  const d = newDeployment('foo', 1);
  assert.equal(rollbackRevisionOf(d), undefined);
  d.metadata.annotations = { [ROLLBACK_TO_ANNOTATION]: '0' };
  assert.equal(rollbackRevisionOf(d), 0);
  d.metadata.annotations = { [ROLLBACK_TO_ANNOTATION]: 'two' };
  assert.equal(rollbackRevisionOf(d), undefined);
});

test('rolling back copies the template without its hash label and the change-cause, and clears the request', () => {
  const d = newDeployment('foo', 1);
  d.metadata.annotations = { [ROLLBACK_TO_ANNOTATION]: '0', [REVISION_ANNOTATION]: '3', 'kubernetes.io/change-cause': 'deploy foo/bar' };
  const { deployment, performed } = rollbackToTemplate(d, rss[1]!);
  assert.equal(performed, true);
  assert.deepEqual(deployment.spec?.template, { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'app', image: 'foo/two' }] } });
  assert.deepEqual(deployment.metadata.annotations, { [REVISION_ANNOTATION]: '3', 'kubernetes.io/change-cause': 'deploy foo/two' });
});

test('rolling back to the current template changes nothing but the request', () => {
  const d = newDeployment('foo', 1);
  d.metadata.annotations = { [ROLLBACK_TO_ANNOTATION]: '3' };
  const { deployment, performed } = rollbackToTemplate(d, rss[2]!);
  assert.equal(performed, false);
  assert.deepEqual(deployment.spec, d.spec);
  assert.deepEqual(deployment.metadata.annotations, {});
});
