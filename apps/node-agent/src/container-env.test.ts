import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContainerConfigError, resolveEnv, type EnvContainer, type EnvPod } from './container-env.js';

const values = { podIP: '127.1.0.5', nodeName: 'node-a', hostIP: '127.0.0.1' };

function pod(container: EnvContainer, extra: Partial<EnvPod['metadata']> = {}): EnvPod {
  return {
    metadata: { name: 'web-1', namespace: 'shop', uid: 'uid-1', labels: { app: 'web' }, annotations: { 'example.com/owner': 'team-a' }, ...extra },
    spec: { serviceAccountName: 'default', containers: [container], initContainers: [{ name: 'setup', resources: { limits: { memory: '64Mi' } } }] },
  };
}

test('literal values expand references to earlier entries only, in order', () => {
  const c: EnvContainer = {
    name: 'app',
    env: [
      { name: 'A', value: 'a' },
      { name: 'B', value: '$(A)-$(C)' },
      { name: 'C', value: 'c' },
      { name: 'D', value: '$$(A) $(A)' },
    ],
  };
  assert.deepEqual(resolveEnv(pod(c), c, values), { A: 'a', B: 'a-$(C)', C: 'c', D: '$(A) a' });
});

test('a repeated name keeps its first position and takes the last value', () => {
  const c: EnvContainer = {
    name: 'app',
    env: [
      { name: 'X', value: '1' },
      { name: 'Y', value: '$(X)' },
      { name: 'X', value: '2' },
    ],
  };
  const env = resolveEnv(pod(c), c, values);
  assert.deepEqual(Object.entries(env), [
    ['X', '2'],
    ['Y', '1'],
  ]);
});

test('fieldRef reads pod metadata, spec and the runtime values', () => {
  const refs = [
    'metadata.name',
    'metadata.namespace',
    'metadata.uid',
    "metadata.labels['app']",
    "metadata.labels['missing']",
    "metadata.annotations['example.com/owner']",
    'spec.nodeName',
    'spec.serviceAccountName',
    'status.podIP',
    'status.podIPs',
    'status.hostIP',
    'status.hostIPs',
  ];
  const c: EnvContainer = { name: 'app', env: refs.map((fieldPath, i) => ({ name: `V${i}`, valueFrom: { fieldRef: { fieldPath } } })) };
  assert.deepEqual(Object.values(resolveEnv(pod(c), c, values)), [
    'web-1',
    'shop',
    'uid-1',
    'web',
    '',
    'team-a',
    'node-a',
    'default',
    '127.1.0.5',
    '127.1.0.5',
    '127.0.0.1',
    '127.0.0.1',
  ]);
});

test('a value from a fieldRef can be referenced by later entries', () => {
  const c: EnvContainer = {
    name: 'app',
    env: [
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'URL', value: 'http://$(POD_IP):8080/' },
    ],
  };
  assert.equal(resolveEnv(pod(c), c, values).URL, 'http://127.1.0.5:8080/');
});

test('an empty literal value with a valueFrom uses the source', () => {
  const c: EnvContainer = { name: 'app', env: [{ name: 'N', value: '', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] };
  assert.equal(resolveEnv(pod(c), c, values).N, 'web-1');
});

test('resourceFieldRef divides and rounds up; default divisor is 1', () => {
  const c: EnvContainer = {
    name: 'app',
    resources: { limits: { cpu: '250m', memory: '129Mi' }, requests: { cpu: '100m', memory: '64Mi' } },
    env: [
      { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
      { name: 'CPU_LIMIT_M', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
      { name: 'MEM_LIMIT_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'MEM_LIMIT_G', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1G' } } },
      { name: 'MEM_REQUEST', valueFrom: { resourceFieldRef: { resource: 'requests.memory' } } },
      { name: 'CPU_REQUEST_M', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1m' } } },
      { name: 'EPHEMERAL_REQUEST', valueFrom: { resourceFieldRef: { resource: 'requests.ephemeral-storage' } } },
      { name: 'INIT_MEM_KI', valueFrom: { resourceFieldRef: { containerName: 'setup', resource: 'limits.memory', divisor: '1Ki' } } },
    ],
  };
  assert.deepEqual(resolveEnv(pod(c), c, values), {
    CPU_LIMIT: '1',
    CPU_LIMIT_M: '250',
    MEM_LIMIT_MI: '129',
    MEM_LIMIT_G: '1',
    MEM_REQUEST: String(64 * 1024 * 1024),
    CPU_REQUEST_M: '100',
    EPHEMERAL_REQUEST: '0',
    INIT_MEM_KI: '65536',
  });
});

test('an unset limit falls back to the node allocatable', () => {
  const c: EnvContainer = { name: 'app', env: [{ name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } }] };
  assert.equal(resolveEnv(pod(c), c, { ...values, nodeAllocatable: { cpu: '2' } }).CPU, '2000');
  assert.equal(resolveEnv(pod(c), c, values).CPU, '0');
});

test('a resourceFieldRef naming an unknown container fails', () => {
  const c: EnvContainer = { name: 'app', env: [{ name: 'X', valueFrom: { resourceFieldRef: { containerName: 'nope', resource: 'limits.cpu' } } }] };
  assert.throws(
    () => resolveEnv(pod(c), c, values),
    (e) => e instanceof ContainerConfigError && e.message === 'container nope not found',
  );
});

test('an unsupported fieldPath fails as the kubelet does', () => {
  const c: EnvContainer = { name: 'app', env: [{ name: 'X', valueFrom: { fieldRef: { fieldPath: 'spec.hostname' } } }] };
  assert.throws(() => resolveEnv(pod(c), c, values), /unsupported fieldPath: spec\.hostname/);
});

test('ConfigMap and Secret sources fail clearly unless optional', () => {
  const cm: EnvContainer = { name: 'app', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }] };
  assert.throws(
    () => resolveEnv(pod(cm), cm, values),
    (e) => e instanceof ContainerConfigError && e.reason === 'CreateContainerConfigError' && /configmap "cfg" not found/.test(e.message),
  );
  const secret: EnvContainer = { name: 'app', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] };
  assert.throws(() => resolveEnv(pod(secret), secret, values), /secret "s" not found/);
  const optional: EnvContainer = {
    name: 'app',
    env: [
      { name: 'X', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } },
      { name: 'Y', value: 'y' },
    ],
  };
  assert.deepEqual(resolveEnv(pod(optional), optional, values), { Y: 'y' });
  const envFrom: EnvContainer = { name: 'app', envFrom: [{ configMapRef: { name: 'cfg' } }] };
  assert.throws(() => resolveEnv(pod(envFrom), envFrom, values), /configmap "cfg" not found/);
  const envFromOptional: EnvContainer = { name: 'app', envFrom: [{ configMapRef: { name: 'cfg', optional: true } }] };
  assert.deepEqual(resolveEnv(pod(envFromOptional), envFromOptional, values), {});
});
