import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseContainer, firstPod, lineCount, logPrefix, prefixLines, selectorText } from './log-container.js';

const pod = (containers: string[], annotations: Record<string, string> = {}) => ({
  metadata: { name: 'web', annotations },
  spec: { containers: containers.map((name) => ({ name })) },
});

test('the only container, the requested one, or the annotated default with a notice', () => {
  assert.deepEqual(chooseContainer(pod(['app']), undefined), { container: 'app' });
  assert.deepEqual(chooseContainer(pod(['app', 'sidecar']), 'sidecar'), { container: 'sidecar' });
  assert.deepEqual(chooseContainer(pod(['app', 'sidecar'], { 'kubectl.kubernetes.io/default-container': 'sidecar' }), undefined), {
    container: 'sidecar',
    notice: 'Defaulted container "sidecar" out of: app, sidecar',
  });
});

test("several containers and no choice is kubectl's error listing them", () => {
  assert.throws(() => chooseContainer(pod(['app', 'sidecar']), undefined), { message: 'a container name must be specified for pod web, choose one of: [app sidecar]' });
  assert.throws(() => chooseContainer(pod(['a', 'b'], { 'kubectl.kubernetes.io/default-container': 'gone' }), undefined), /choose one of: \[a b\]/);
});

test('line counts ignore the final newline', () => {
  assert.deepEqual([lineCount(''), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n')], [0, 1, 2, 2]);
});

test("workload selectors become selector text: matchLabels, expressions, or an RC's plain map", () => {
  assert.equal(selectorText({ matchLabels: { app: 'web', tier: 'fe' } }), 'app=web,tier=fe');
  assert.equal(
    selectorText({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['a', 'b'] },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    }),
    'app=web,env in (a,b),!canary',
  );
  assert.equal(selectorText({ app: 'cart' }), 'app=cart');
});

test('the first pod of a workload is the oldest, then by name', () => {
  const p = (name: string, creationTimestamp: string) => ({ metadata: { name, creationTimestamp } });
  assert.equal(firstPod([p('b', '2026-01-01T00:00:02Z'), p('c', '2026-01-01T00:00:01Z'), p('a', '2026-01-01T00:00:01Z')])?.metadata.name, 'a');
  assert.equal(firstPod([]), undefined);
});

test('--prefix marks every line with its pod and container', () => {
  const prefix = logPrefix('web-1', 'app');
  assert.equal(prefixLines('a\nb\n', prefix), '[pod/web-1/app] a\n[pod/web-1/app] b\n');
  assert.equal(prefixLines('partial', prefix), '[pod/web-1/app] partial');
  assert.equal(prefixLines('', prefix), '');
  assert.equal(prefixLines('a\n', undefined), 'a\n');
});
