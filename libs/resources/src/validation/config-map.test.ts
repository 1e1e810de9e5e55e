// Ported from Kubernetes pkg/apis/core/validation/validation_test.go: TestValidateConfigMap, TestValidateConfigMapUpdate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateConfigMap, validateConfigMapUpdate } from './config-map.js';
import { MAX_CONFIG_SIZE_BYTES } from './config-data.js';
import { fullText, summarise } from './fixtures.js';

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const configMap = (data?: Record<string, string>, binaryData?: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  metadata: { name: 'validname', namespace: 'validns' },
  ...(data ? { data } : {}),
  ...(binaryData ? { binaryData } : {}),
  ...extra,
});

test('TestValidateConfigMap', () => {
  const cases: [string, unknown, string[]][] = [
    ['valid', configMap({ key: 'value' }, { bin: b64('value') }), []],
    ['max key length', configMap({ ['a'.repeat(253)]: 'value' }), []],
    ['invalid key', configMap({ 'a*b': 'value' }), ['data[a*b] Invalid']],
    ['leading dot key', configMap({ '.ab': 'value' }), []],
    ['dot key', configMap({ '.': 'value' }), ['data[.] Invalid']],
    ['double dot key', configMap({ '..': 'value' }), ['data[..] Invalid']],
    ['over max key length', configMap({ ['a'.repeat(254)]: 'value' }), [`data[${'a'.repeat(254)}] Invalid`]],
    ['over max size', configMap({ key: 'a'.repeat(MAX_CONFIG_SIZE_BYTES + 1) }), [' TooLong']],
    ['duplicated key', configMap({ key: 'value1' }, { key: b64('value2') }), ['data[key] Invalid']],
    ['binary data invalid key', configMap(undefined, { 'a*b': b64('value') }), ['binaryData[a*b] Invalid']],
    ['binary data leading dot key', configMap(undefined, { '.ab': b64('value') }), []],
    ['binary data dot key', configMap(undefined, { '.': b64('value') }), ['binaryData[.] Invalid']],
    ['binary data double dot key', configMap(undefined, { '..': b64('value') }), ['binaryData[..] Invalid']],
    ['binary data over max key length', configMap(undefined, { ['a'.repeat(254)]: b64('value') }), [`binaryData[${'a'.repeat(254)}] Invalid`]],
    ['binary data over max size', configMap(undefined, { bin: b64(Buffer.alloc(MAX_CONFIG_SIZE_BYTES + 1, 'a')) }), [' TooLong']],
    ['binary non-UTF-8 value', configMap(undefined, { key: b64(Buffer.from([0, 0xfe, 0, 0xff])) }), []],
    // Beyond upstream (there the JSON decoder refuses these): our input is JSON, so the validator sees them.
    ['binary data not base64', configMap(undefined, { key: 'not base64!' }), ['binaryData[key] Invalid']],
    ['data and binaryData together at the limit', configMap({ a: 'a'.repeat(MAX_CONFIG_SIZE_BYTES / 2) }, { b: b64(Buffer.alloc(MAX_CONFIG_SIZE_BYTES / 2)) }), []],
    ['data and binaryData together over the limit', configMap({ a: 'a'.repeat(MAX_CONFIG_SIZE_BYTES / 2 + 1) }, { b: b64(Buffer.alloc(MAX_CONFIG_SIZE_BYTES / 2)) }), [' TooLong']],
    ['multi-byte characters count as bytes', configMap({ key: 'é'.repeat(MAX_CONFIG_SIZE_BYTES / 2 + 1) }), [' TooLong']],
    ['a value must be a string', configMap({ key: 3 as unknown as string }), ['data[key] Invalid']],
    ['immutable must be a boolean', configMap({}, undefined, { immutable: 'yes' }), ['immutable Invalid']],
  ];
  for (const [name, cm, expected] of cases) assert.deepEqual(summarise(validateConfigMap(cm)), expected, name);
});

test('ConfigMap messages read as Kubernetes writes them', () => {
  assert.deepEqual(fullText(validateConfigMap(configMap({ key: 'v' }, { key: b64('v') }))), ['data[key]: Invalid value: "key": duplicate of key present in binaryData']);
  assert.match(
    fullText(validateConfigMap(configMap({ 'a*b': 'v' })))[0]!,
    /^data\[a\*b\]: Invalid value: "a\*b": a valid config key must consist of alphanumeric characters, '-', '_' or '\.'/,
  );
  assert.deepEqual(fullText(validateConfigMap(configMap({ key: 'a'.repeat(MAX_CONFIG_SIZE_BYTES + 1) }))), [': Too long: may not be more than 1048576 bytes']);
});

test('TestValidateConfigMapUpdate: immutable', () => {
  const mutable = configMap({ key: 'value' }, { bin: b64('bin') });
  const immutable = { ...mutable, immutable: true };
  const cases: [string, unknown, unknown, string[]][] = [
    ['mutable, no change', mutable, mutable, []],
    ['mutable, data changed', mutable, { ...mutable, data: { key: 'other' } }, []],
    ['mutable to immutable', mutable, immutable, []],
    ['mutable to immutable with new data', mutable, { ...immutable, data: { key: 'other' } }, []],
    ['immutable, no change', immutable, immutable, []],
    ['immutable, labels changed', immutable, { ...immutable, metadata: { ...immutable.metadata, labels: { a: 'b' } } }, []],
    ['immutable to mutable', immutable, { ...immutable, immutable: false }, ['immutable Forbidden']],
    ['immutable flag removed', immutable, mutable, ['immutable Forbidden']],
    ['immutable, data changed', immutable, { ...immutable, data: { key: 'other' } }, ['data Forbidden']],
    ['immutable, data added', immutable, { ...immutable, data: { key: 'value', more: 'x' } }, ['data Forbidden']],
    ['immutable, binaryData changed', immutable, { ...immutable, binaryData: { bin: b64('other') } }, ['binaryData Forbidden']],
    ['immutable, binaryData removed', immutable, { ...immutable, binaryData: undefined }, ['binaryData Forbidden']],
  ];
  for (const [name, prev, next, expected] of cases) assert.deepEqual(summarise(validateConfigMapUpdate(next, prev)), expected, name);
  assert.deepEqual(fullText(validateConfigMapUpdate({ ...immutable, data: {} }, immutable)), ['data: Forbidden: field is immutable when `immutable` is set']);
});
