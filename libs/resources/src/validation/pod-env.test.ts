import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validatePodSpec } from './pod.js';
import { fullText, specWithContainer, summarise } from './fixtures.js';

const env = (vars: unknown[]) => specWithContainer({ env: vars });
const fieldRef = (fieldPath: string, apiVersion?: string) => ({ name: 'V', valueFrom: { fieldRef: { fieldPath, ...(apiVersion ? { apiVersion } : {}) } } });
const at = (suffix: string) => `spec.containers[0].env[0].${suffix}`;

test('env names and values', () => {
  const cases: [string, unknown[], string[]][] = [
    ['plain values', [{ name: 'A', value: '1' }, { name: 'my.env-name', value: '' }, { name: 'EMPTY' }], []],
    ['name required', [{ value: '1' }], [`${at('name')} Required`]],
    ['name starting with a digit', [{ name: '1A', value: '1' }], [`${at('name')} Invalid`]],
    ['name with a space', [{ name: 'A B', value: '1' }], [`${at('name')} Invalid`]],
    ['name "."', [{ name: '.', value: '1' }], [`${at('name')} Invalid`]],
    ['value must be a string', [{ name: 'A', value: 1 }], [`${at('value')} Invalid`]],
    ['value and valueFrom together', [{ name: 'A', value: '1', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }], [`${at('valueFrom')} Invalid`]],
    ['valueFrom with no source', [{ name: 'A', valueFrom: {} }], [`${at('valueFrom')} Invalid`]],
    ['valueFrom with two sources', [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' }, secretKeyRef: { name: 's', key: 'k' } } }], [`${at('valueFrom')} Invalid`]],
    ['secretKeyRef needs a key', [{ name: 'A', valueFrom: { secretKeyRef: { name: 's' } } }], [`${at('valueFrom.secretKeyRef.key')} Required`]],
    ['configMapKeyRef key rule', [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'c', key: 'a/b' } } }], [`${at('valueFrom.configMapKeyRef.key')} Invalid`]],
    ['configMapKeyRef name rule', [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'C', key: 'k' } } }], [`${at('valueFrom.configMapKeyRef.name')} Invalid`]],
    ['resourceFieldRef', [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } }], []],
    ['resourceFieldRef resource', [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } }], [`${at('valueFrom.resourceFieldRef.resource')} NotSupported`]],
    [
      'resourceFieldRef cpu divisor',
      [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'requests.cpu', divisor: '1Mi' } } }],
      [`${at('valueFrom.resourceFieldRef.divisor')} Invalid`],
    ],
  ];
  for (const [name, vars, expected] of cases) assert.deepEqual(summarise(validatePodSpec(env(vars))), expected, name);
});

test('env fieldRef paths (downward API)', () => {
  const good = [
    'metadata.name',
    'metadata.namespace',
    'metadata.uid',
    "metadata.labels['app']",
    "metadata.labels['app.kubernetes.io/name']",
    "metadata.annotations['Example.com/Note']",
    'spec.nodeName',
    'spec.serviceAccountName',
    'status.hostIP',
    'status.hostIPs',
    'status.podIP',
    'status.podIPs',
  ];
  for (const path of good) assert.deepEqual(validatePodSpec(env([fieldRef(path)])), [], path);
  const bad: [string, string[]][] = [
    ['metadata.labels', [`${at('valueFrom.fieldRef.fieldPath')} NotSupported`]],
    ['spec.restartPolicy', [`${at('valueFrom.fieldRef.fieldPath')} NotSupported`]],
    ['status.phase', [`${at('valueFrom.fieldRef.fieldPath')} NotSupported`]],
    ["metadata.labels['bad key']", [`${at('valueFrom.fieldRef')} Invalid`]],
    ["spec.nodeName['x']", [`${at('valueFrom.fieldRef')} Invalid`]],
    ['', [`${at('valueFrom.fieldRef.fieldPath')} Required`]],
  ];
  for (const [path, expected] of bad) assert.deepEqual(summarise(validatePodSpec(env([fieldRef(path)]))), expected, path);
  assert.deepEqual(summarise(validatePodSpec(env([fieldRef('metadata.name', 'v1')]))), []);
  assert.deepEqual(summarise(validatePodSpec(env([fieldRef('metadata.name', 'v2')]))), [`${at('valueFrom.fieldRef.apiVersion')} Invalid`]);
  assert.deepEqual(fullText(validatePodSpec(env([fieldRef("spec.nodeName['x']")]))), [`${at('valueFrom.fieldRef')}: Invalid value: "spec.nodeName": does not support subscript`]);
});

test('envFrom', () => {
  const cases: [string, unknown[], string[]][] = [
    ['valid', [{ configMapRef: { name: 'cfg' } }, { prefix: 'DB_', secretRef: { name: 'db' } }], []],
    ['needs a source', [{ prefix: 'X_' }], ['spec.containers[0].envFrom Invalid']],
    ['only one source', [{ configMapRef: { name: 'a' }, secretRef: { name: 'b' } }], ['spec.containers[0].envFrom Invalid']],
    ['prefix rule', [{ prefix: '1X', configMapRef: { name: 'a' } }], ['spec.containers[0].envFrom[0].prefix Invalid']],
    ['name required', [{ configMapRef: {} }], ['spec.containers[0].envFrom[0].configMapRef.name Required']],
  ];
  for (const [name, sources, expected] of cases) assert.deepEqual(summarise(validatePodSpec(specWithContainer({ envFrom: sources }))), expected, name);
});
