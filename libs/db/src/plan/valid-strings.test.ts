import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invalidStrings } from './valid-strings.js';

test('NUL characters and lone surrogates in values and keys are found, with Kubernetes-style field paths', () => {
  const cases: [unknown, string | undefined][] = [
    [{ metadata: { name: 'ok', annotations: { a: 'fine 😀' } } }, undefined],
    [{ metadata: { annotations: { note: 'a\u0000b' } } }, 'metadata.annotations[note]'],
    [{ metadata: { labels: { 'app.kubernetes.io/name': '\ud800' } } }, 'metadata.labels[app.kubernetes.io/name]'],
    [{ spec: { containers: [{ name: 'a' }, { name: 'b', args: ['x', '\udc00y'] }] } }, 'spec.containers[1].args[1]'],
    [{ metadata: { labels: { 'k\u0000': 'v' } } }, 'metadata.labels'],
  ];
  for (const [object, field] of cases) {
    const [error] = invalidStrings(object);
    assert.equal(error?.field, field, JSON.stringify(object));
    if (field) assert.equal(error!.message.includes('\u0000'), false, 'the bad value is not echoed');
  }
});
