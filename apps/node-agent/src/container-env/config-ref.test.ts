// After the kubelet's TestMakeEnvironmentVariables (pkg/kubelet/kubelet_pods_test.go): the
// configMapKeyRef, secretKeyRef and envFrom cases, with its messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContainerConfigError, resolveEnv, type ConfigObjects, type EnvContainer, type EnvPod } from '../container-env.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const objects: ConfigObjects = {
  configMap: (ns, name) =>
    ns === 'test1' && name === 'test-config-map'
      ? { data: { a: 'b', REPLACE_ME: 'FROM_CONFIG_MAP', DUPE_TEST: 'CONFIG_MAP', '1234': 'abc', '1z': 'abc', 'key.1': 'value' } }
      : undefined,
  secret: (ns, name) =>
    ns === 'test1' && name === 'test-secret' ? { data: { e: b64('f'), REPLACE_ME: b64('FROM_SECRET'), DUPE_TEST: b64('SECRET'), '1234': b64('abc') } } : undefined,
};
const values = { podIP: '127.64.0.5', nodeName: 'node-a', hostIP: '127.0.0.1', configObjects: objects };
const pod = (container: EnvContainer): EnvPod => ({ metadata: { name: 'dapi-test-pod-name', namespace: 'test1', uid: 'u' }, spec: { containers: [container] } });

type Case = [string, EnvContainer, Record<string, string> | RegExp];
const cases: Case[] = [
  ['configmapkeyref', { name: 'c', env: [{ name: 'POD_NAME', valueFrom: { configMapKeyRef: { name: 'test-config-map', key: 'a' } } }] }, { POD_NAME: 'b' }],
  ['secretkeyref (decoded)', { name: 'c', env: [{ name: 'E', valueFrom: { secretKeyRef: { name: 'test-secret', key: 'e' } } }] }, { E: 'f' }],
  ['configmapkeyref missing optional', { name: 'c', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'missing', key: 'a', optional: true } } }] }, {}],
  ['configmapkeyref missing key optional', { name: 'c', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'test-config-map', key: 'nope', optional: true } } }] }, {}],
  ['secretkeyref missing optional', { name: 'c', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'missing', key: 'a', optional: true } } }] }, {}],
  ['secretkeyref missing key optional', { name: 'c', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'test-secret', key: 'nope', optional: true } } }] }, {}],
  ['configmapkeyref missing', { name: 'c', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'missing', key: 'a' } } }] }, /^configmap "missing" not found$/],
  [
    'configmapkeyref missing key',
    { name: 'c', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'test-config-map', key: 'nope' } } }] },
    /^couldn't find key nope in ConfigMap test1\/test-config-map$/,
  ],
  ['secretkeyref missing', { name: 'c', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'missing', key: 'a' } } }] }, /^secret "missing" not found$/],
  [
    'secretkeyref missing key',
    { name: 'c', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'test-secret', key: 'nope' } } }] },
    /^couldn't find key nope in Secret test1\/test-secret$/,
  ],
  [
    'configmap envFrom, invalid names skipped',
    { name: 'c', envFrom: [{ configMapRef: { name: 'test-config-map' } }] },
    { a: 'b', REPLACE_ME: 'FROM_CONFIG_MAP', DUPE_TEST: 'CONFIG_MAP', 'key.1': 'value' },
  ],
  [
    'configmap envFrom with prefix',
    { name: 'c', envFrom: [{ prefix: 'p_', configMapRef: { name: 'test-config-map' } }] },
    { p_a: 'b', p_REPLACE_ME: 'FROM_CONFIG_MAP', p_DUPE_TEST: 'CONFIG_MAP', p_1234: 'abc', p_1z: 'abc', 'p_key.1': 'value' },
  ],
  ['configmap envFrom missing optional', { name: 'c', envFrom: [{ configMapRef: { name: 'missing', optional: true } }] }, {}],
  ['configmap envFrom missing', { name: 'c', envFrom: [{ configMapRef: { name: 'missing' } }] }, /^configmap "missing" not found$/],
  ['secret envFrom', { name: 'c', envFrom: [{ secretRef: { name: 'test-secret' } }] }, { e: 'f', REPLACE_ME: 'FROM_SECRET', DUPE_TEST: 'SECRET' }],
  ['secret envFrom missing', { name: 'c', envFrom: [{ secretRef: { name: 'missing' } }] }, /^secret "missing" not found$/],
  [
    'later envFrom wins; env overrides envFrom and expands its values',
    {
      name: 'c',
      envFrom: [{ configMapRef: { name: 'test-config-map' } }, { secretRef: { name: 'test-secret' } }],
      env: [
        { name: 'REPLACE_ME', value: 'FROM_ENV' },
        { name: 'EXPANDED', value: '$(a)-$(e)' },
      ],
    },
    { a: 'b', REPLACE_ME: 'FROM_ENV', DUPE_TEST: 'SECRET', 'key.1': 'value', e: 'f', EXPANDED: 'b-f' },
  ],
];

test('configMapKeyRef, secretKeyRef and envFrom as the kubelet resolves them', () => {
  for (const [name, container, expected] of cases) {
    if (expected instanceof RegExp) {
      assert.throws(
        () => resolveEnv(pod(container), container, values),
        (e) => e instanceof ContainerConfigError && e.reason === 'CreateContainerConfigError' && expected.test(e.message),
        name,
      );
    } else {
      assert.deepEqual(resolveEnv(pod(container), container, values), expected, name);
    }
  }
});

test('envFrom keys that are no variable names are reported with the kubelet event text', () => {
  const warnings: string[] = [];
  const container: EnvContainer = { name: 'c', envFrom: [{ configMapRef: { name: 'test-config-map' } }, { secretRef: { name: 'test-secret' } }] };
  resolveEnv(pod(container), container, { ...values, onInvalidNames: (m) => warnings.push(m) });
  assert.deepEqual(warnings, [
    'Keys [1234, 1z] from the EnvFrom configmap test1/test-config-map were skipped since they are considered invalid environment variable names.',
    'Keys [1234] from the EnvFrom secret test1/test-secret were skipped since they are considered invalid environment variable names.',
  ]);
});
