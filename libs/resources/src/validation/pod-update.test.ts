import { test } from 'node:test';
import assert from 'node:assert/strict';
import { POD_UPDATE_FORBIDDEN_MESSAGE, validatePodUpdate } from './pod-update.js';
import { summarise } from './fixtures.js';

const prevSpec = {
  initContainers: [{ name: 'init', image: 'busybox:1' }],
  containers: [{ name: 'app', image: 'nginx:1.24', command: ['nginx'], resources: { requests: { cpu: '100m' } } }],
  activeDeadlineSeconds: 600,
  terminationGracePeriodSeconds: 30,
  tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
  restartPolicy: 'Always',
};
const pod = (spec: Record<string, unknown>) => ({ metadata: { name: 'p', namespace: 'default' }, spec });
const update = (change: Record<string, unknown>) => summarise(validatePodUpdate(pod({ ...prevSpec, ...change }), pod(prevSpec)));
const app = (change: Record<string, unknown>) => [{ ...prevSpec.containers[0], ...change }];

test('allowed pod updates', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['no change', {}],
    ['container image', { containers: app({ image: 'nginx:1.25' }) }],
    ['init container image', { initContainers: [{ name: 'init', image: 'busybox:2' }] }],
    ['lower activeDeadlineSeconds', { activeDeadlineSeconds: 300 }],
    ['add a toleration', { tolerations: [...prevSpec.tolerations, { key: 'b', operator: 'Exists' }] }],
    ['change tolerationSeconds', { tolerations: [{ ...prevSpec.tolerations[0], tolerationSeconds: 10 }] }],
    ['bind to a node', { nodeName: 'node-1' }],
    ['null is unset', { nodeSelector: null }],
  ];
  for (const [name, change] of cases) assert.deepEqual(update(change), [], name);
  const unbound = { ...prevSpec, activeDeadlineSeconds: undefined };
  assert.deepEqual(validatePodUpdate(pod({ ...unbound, activeDeadlineSeconds: 100 }), pod(unbound)), [], 'set activeDeadlineSeconds');
});

test('forbidden pod updates', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['command', { containers: app({ command: ['httpd'] }) }, ['spec Forbidden']],
    ['resources', { containers: app({ resources: { requests: { cpu: '200m' } } }) }, ['spec Forbidden']],
    ['restartPolicy', { restartPolicy: 'Never' }, ['spec Forbidden']],
    ['terminationGracePeriodSeconds', { terminationGracePeriodSeconds: 10 }, ['spec Forbidden']],
    ['add a container', { containers: [...prevSpec.containers, { name: 'b', image: 'x' }] }, ['spec.containers Forbidden']],
    ['remove an init container', { initContainers: [] }, ['spec.initContainers Forbidden']],
    ['empty image', { containers: app({ image: '' }) }, ['spec.containers[0].image Required']],
    ['image with spaces', { containers: app({ image: ' nginx ' }) }, ['spec.containers[0].image Invalid']],
    ['raise activeDeadlineSeconds', { activeDeadlineSeconds: 601 }, ['spec.activeDeadlineSeconds Invalid']],
    ['remove activeDeadlineSeconds', { activeDeadlineSeconds: undefined }, ['spec.activeDeadlineSeconds Invalid']],
    ['remove a toleration', { tolerations: [] }, ['spec.tolerations Forbidden']],
    ['change a toleration', { tolerations: [{ ...prevSpec.tolerations[0], effect: 'NoSchedule' }] }, ['spec.tolerations Forbidden']],
  ];
  for (const [name, change, expected] of cases) assert.deepEqual(update(change), expected, name);
});

test("the forbidden message is Kubernetes' and says what changed", () => {
  const [error] = validatePodUpdate(pod({ ...prevSpec, containers: app({ command: ['httpd'] }) }), pod(prevSpec));
  assert.equal(
    POD_UPDATE_FORBIDDEN_MESSAGE,
    'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
  );
  assert.equal(error?.message, `Forbidden: ${POD_UPDATE_FORBIDDEN_MESSAGE}\nchanged: spec.containers[0].command[0]`);
});

test('nodeName is set once', () => {
  const bound = { ...prevSpec, nodeName: 'node-1' };
  assert.deepEqual(summarise(validatePodUpdate(pod({ ...bound, nodeName: 'node-2' }), pod(bound))), ['spec Forbidden']);
  assert.deepEqual(summarise(validatePodUpdate(pod({ ...bound, nodeName: undefined }), pod(bound))), ['spec Forbidden']);
  assert.deepEqual(summarise(validatePodUpdate(pod({ ...prevSpec, nodeName: 'node-1' }), pod({ ...prevSpec, nodeName: '' }))), []);
});

test('terminationGracePeriodSeconds may go from negative to 1', () => {
  const legacy = { ...prevSpec, terminationGracePeriodSeconds: -1 };
  assert.deepEqual(summarise(validatePodUpdate(pod({ ...legacy, terminationGracePeriodSeconds: 1 }), pod(legacy))), []);
  assert.deepEqual(summarise(validatePodUpdate(pod({ ...legacy, terminationGracePeriodSeconds: 2 }), pod(legacy))), ['spec Forbidden']);
});
