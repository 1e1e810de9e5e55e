import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateEvent } from './event.js';
import { validateLease } from './lease.js';
import { validateNamespace } from './namespace.js';
import { validateNodeSpec, validateNodeStatus, validateNodeUpdate } from './node.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validatePodSpec } from './pod.js';
import { validatePodUpdate } from './pod-update.js';

/** Values of every JSON type (and a few non-JSON ones) to drop anywhere. */
const ODD_VALUES: unknown[] = [undefined, null, 0, -1, 1.5, '', 'x', true, [], [null], ['x'], {}, { a: 1 }, NaN];

/** Every copy of `base` with one field (at any depth) replaced by one odd value. */
function* mutations(base: unknown): Generator<unknown> {
  for (const value of ODD_VALUES) yield value;
  if (Array.isArray(base)) {
    for (let i = 0; i < base.length; i++) for (const m of mutations(base[i])) yield base.map((item, j) => (j === i ? m : item));
  } else if (typeof base === 'object' && base !== null) {
    for (const [key, child] of Object.entries(base)) for (const m of mutations(child)) yield { ...base, [key]: m };
  }
}

const pod = {
  metadata: {
    name: 'p',
    namespace: 'default',
    labels: { a: 'b' },
    ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'y', uid: 'z', controller: true }],
    finalizers: ['kubernetes'],
  },
  spec: {
    initContainers: [{ name: 'i', image: 'x', restartPolicy: 'Always', lifecycle: { preStop: { sleep: { seconds: 1 } } } }],
    containers: [
      {
        name: 'c',
        image: 'x',
        ports: [{ name: 'http', containerPort: 80, hostPort: 80 }],
        env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } }],
        envFrom: [{ configMapRef: { name: 'c' } }],
        resources: { requests: { cpu: '1' }, limits: { cpu: '1', 'example.com/gpu': '1' } },
        livenessProbe: { httpGet: { port: 80, httpHeaders: [{ name: 'a', value: 'b' }] }, successThreshold: 1 },
        volumeMounts: [{ name: 'v', mountPath: '/v' }],
        securityContext: { privileged: false },
      },
    ],
    volumes: [{ name: 'v', configMap: { name: 'c', items: [{ key: 'k', path: 'p' }] } }],
    tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoExecute', tolerationSeconds: 1 }],
    dnsPolicy: 'None',
    dnsConfig: { nameservers: ['1.1.1.1'], searches: ['a.b'], options: [{ name: 'ndots', value: '2' }] },
    nodeSelector: { a: 'b' },
    activeDeadlineSeconds: 5,
  },
};

test('validators never throw, whatever the JSON', () => {
  let checked = 0;
  for (const candidate of mutations(pod)) {
    const p = candidate as { metadata?: unknown; spec?: unknown } | null;
    const spec = typeof p === 'object' && p !== null ? p.spec : undefined;
    const metadata = typeof p === 'object' && p !== null ? p.metadata : undefined;
    assert.doesNotThrow(() => {
      validatePodSpec(spec);
      validatePodUpdate(candidate, pod);
      validatePodUpdate(pod, candidate);
      validateObjectMeta(metadata, { namespaced: true, nameRule: 'subdomain' });
      validateObjectMetaUpdate(metadata, pod.metadata);
      validateNodeSpec(spec);
      validateNodeStatus(spec);
      validateNodeUpdate(candidate, candidate);
      validateNamespace(candidate);
      validateEvent(candidate);
      validateLease(candidate);
    });
    checked++;
  }
  assert.ok(checked > 500, `only ${checked} mutations`);
});

test('every error has a field path, a known type and a message', () => {
  const types = new Set(['Required', 'Invalid', 'Forbidden', 'Duplicate', 'NotSupported', 'TooLong']);
  for (const candidate of mutations(pod.spec)) {
    for (const error of validatePodSpec(candidate)) {
      assert.ok(error.field.startsWith('spec'), error.field);
      assert.ok(types.has(error.type));
      assert.ok(error.message.length > 0);
    }
  }
});
