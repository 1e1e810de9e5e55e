import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pod } from '../status/test-fixtures.js';
import { changedImages, containerPorts, containerSpec, gracePeriodMs, podAddress } from './pod-spec.js';

test('containerSpec finds init and app containers by name', () => {
  const p = pod({ initContainers: [{ name: 'init', image: 'busybox' }] });
  assert.equal(containerSpec(p, 'init')?.image, 'busybox');
  assert.equal(containerSpec(p, 'app')?.image, 'nginx:1.27');
  assert.equal(containerSpec(p, 'nope'), undefined);
});

test('gracePeriodMs: the deletion grace, else the spec, else 30 s', () => {
  assert.equal(gracePeriodMs(pod()), 30_000);
  assert.equal(gracePeriodMs(pod({ terminationGracePeriodSeconds: 5 })), 5000);
  const deleting = pod({ terminationGracePeriodSeconds: 5 });
  assert.equal(gracePeriodMs({ ...deleting, metadata: { ...deleting.metadata, deletionGracePeriodSeconds: 0 } }), 0);
});

test('podAddress: the sandbox IP, or the node address for hostNetwork pods', () => {
  assert.equal(podAddress(pod(), '127.64.0.5', '127.0.0.1'), '127.64.0.5');
  assert.equal(podAddress(pod({ hostNetwork: true }), '127.64.0.5', '127.0.0.1'), '127.0.0.1');
});

test('containerPorts keeps names for probes that name their port', () => {
  assert.deepEqual(containerPorts({ name: 'app', ports: [{ name: 'http', containerPort: 8080 }, { containerPort: 9090 }] }), [
    { name: 'http', containerPort: 8080 },
    { name: undefined, containerPort: 9090 },
  ]);
  assert.deepEqual(containerPorts(undefined), []);
});

test('changedImages: app containers whose image changed since they started; init containers never restart', () => {
  const p = pod({
    initContainers: [{ name: 'init', image: 'busybox:2' }],
    containers: [
      { name: 'app', image: 'nginx:1.28' },
      { name: 'side', image: 'envoy' },
    ],
  });
  const started = new Map([
    ['init', 'busybox:1'],
    ['app', 'nginx:1.27'],
    ['side', 'envoy'],
  ]);
  assert.deepEqual(changedImages(p, started), ['app']);
});
