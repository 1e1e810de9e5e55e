import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseContainer, lineCount } from './log-container.js';

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

test('several containers and no choice is kubectl\'s error listing them', () => {
  assert.throws(() => chooseContainer(pod(['app', 'sidecar']), undefined), { message: 'a container name must be specified for pod web, choose one of: [app sidecar]' });
  assert.throws(() => chooseContainer(pod(['a', 'b'], { 'kubectl.kubernetes.io/default-container': 'gone' }), undefined), /choose one of: \[a b\]/);
});

test('line counts ignore the final newline', () => {
  assert.deepEqual([lineCount(''), lineCount('a\n'), lineCount('a\nb'), lineCount('a\nb\n')], [0, 1, 2, 2]);
});
