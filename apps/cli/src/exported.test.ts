import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentToApply, LAST_APPLIED } from './exported.js';

const recorded = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };
const live = (image: string, lastApplied = recorded) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'x', namespace: 'default', uid: 'u', resourceVersion: '7', annotations: { [LAST_APPLIED]: JSON.stringify(lastApplied) }, finalizers: [] },
  spec: { containers: [{ name: 'a', image }] },
  status: { phase: 'Running' },
});

test('an unedited export is sent as the live object recorded it', () => {
  const exported = { ...live('nginx'), status: { phase: 'Pending' }, metadata: { ...live('nginx').metadata, resourceVersion: '3' } };
  assert.deepEqual(documentToApply(exported, live('nginx'), 'default'), recorded);
});

test('an edited export, a plain manifest, or a missing object go as they are', () => {
  const edited = live('nginx:2');
  assert.equal(documentToApply(edited, live('nginx'), 'default'), edited);
  assert.equal(documentToApply(recorded, live('nginx'), 'default'), recorded);
  const orphan = live('nginx');
  assert.equal(documentToApply(orphan, null, 'default'), orphan);
});

test('the namespace survives when the request would default elsewhere', () => {
  const sent = documentToApply(live('nginx'), live('nginx'), 'other');
  assert.equal(sent.metadata?.namespace, 'default');
});
