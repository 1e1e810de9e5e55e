// Ported from Kubernetes pkg/apis/apps/validation/validation_test.go: TestValidateDaemonSet,
// TestValidateDaemonSetUpdate (selector, template, strategy cases; metadata is the store's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateDaemonSet, validateDaemonSetUpdate } from './daemonset-validation.js';
import { defaultDaemonSet } from './daemonset-defaults.js';
import type { DaemonSetLike, DaemonSetSpecLike } from './daemonset-types.js';
import { fullText, summarise } from '../validation/fixtures.js';

const validSelector = { a: 'b' };
const validTemplate = (labels: Record<string, string> = validSelector, spec: Record<string, unknown> = {}) => ({
  metadata: { labels },
  spec: {
    restartPolicy: 'Always',
    dnsPolicy: 'ClusterFirst',
    containers: [{ name: 'abc', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }],
    ...spec,
  },
});
const ds = (spec: DaemonSetSpecLike): DaemonSetLike => ({
  metadata: { name: 'abc' },
  spec: { selector: { matchLabels: validSelector }, template: validTemplate(), updateStrategy: { type: 'OnDelete' }, ...spec },
});
const rolling = (rollingUpdate: { maxUnavailable?: number | string; maxSurge?: number | string }) => ({ updateStrategy: { type: 'RollingUpdate', rollingUpdate } });

test('TestValidateDaemonSet: success cases', () => {
  const cases: [string, DaemonSetLike][] = [
    ['OnDelete', ds({})],
    ['RollingUpdate maxUnavailable 1', ds(rolling({ maxUnavailable: 1 }))],
    ['RollingUpdate maxUnavailable 25%', ds(rolling({ maxUnavailable: '25%' }))],
    ['RollingUpdate maxSurge 1 with maxUnavailable 0', ds(rolling({ maxUnavailable: 0, maxSurge: 1 }))],
    ['RollingUpdate maxSurge 100%', ds(rolling({ maxUnavailable: 0, maxSurge: '100%' }))],
    ['matchExpressions selector', ds({ selector: { matchExpressions: [{ key: 'a', operator: 'In', values: ['b'] }] } })],
    ['the defaulted fluentd-style DaemonSet', defaultDaemonSet({ metadata: { name: 'x' }, spec: { selector: { matchLabels: validSelector }, template: validTemplate() } })],
  ];
  for (const [name, input] of cases) assert.deepEqual(summarise(validateDaemonSet(input)), [], name);
});

test('TestValidateDaemonSet: error cases', () => {
  const cases: [string, DaemonSetLike, string[]][] = [
    ['nil selector', ds({ selector: undefined }), ['spec.selector Required']],
    ['empty selector', ds({ selector: {} }), ['spec.selector Invalid']],
    ['selector_doesnt_match', ds({ selector: { matchLabels: { foo: 'bar' } } }), ['spec.template.metadata.labels Invalid']],
    ['invalid template', ds({ template: undefined }), ['spec.template.metadata.labels Invalid', 'spec.template Required']],
    [
      'invalid manifest',
      ds({ template: { metadata: { labels: validSelector }, spec: { restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' } } }),
      ['spec.template.spec.containers Required'],
    ],
    ['invalid_label 2', ds({ template: validTemplate({ ...validSelector, 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' }) }), ['spec.template.metadata.labels Invalid']],
    ['invalid restart policy 1', ds({ template: validTemplate(validSelector, { restartPolicy: 'OnFailure' }) }), ['spec.template.spec.restartPolicy NotSupported']],
    ['invalid restart policy 2', ds({ template: validTemplate(validSelector, { restartPolicy: 'Never' }) }), ['spec.template.spec.restartPolicy NotSupported']],
    ['activeDeadlineSeconds', ds({ template: validTemplate(validSelector, { activeDeadlineSeconds: 5 }) }), ['spec.template.spec.activeDeadlineSeconds Invalid']],
    ['invalid update strategy - Type is not RollingUpdate or OnDelete', ds({ updateStrategy: { type: 'Random' } }), ['spec.updateStrategy NotSupported']],
    ['invalid update strategy - rollingUpdate missing', ds({ updateStrategy: { type: 'RollingUpdate' } }), ['spec.updateStrategy.rollingUpdate Required']],
    ['invalid update strategy - MaxUnavailable is 0', ds(rolling({ maxUnavailable: 0 })), ['spec.updateStrategy.rollingUpdate.maxUnavailable Required']],
    [
      'invalid update strategy - MaxUnavailable is 0% and MaxSurge 0',
      ds(rolling({ maxUnavailable: '0%', maxSurge: 0 })),
      ['spec.updateStrategy.rollingUpdate.maxUnavailable Required'],
    ],
    ['invalid update strategy - MaxUnavailable is greater than 100%', ds(rolling({ maxUnavailable: '150%' })), ['spec.updateStrategy.rollingUpdate.maxUnavailable Invalid']],
    ['invalid update strategy - MaxUnavailable is negative', ds(rolling({ maxUnavailable: -1 })), ['spec.updateStrategy.rollingUpdate.maxUnavailable Invalid']],
    ['invalid update strategy - MaxSurge is greater than 100%', ds(rolling({ maxUnavailable: 0, maxSurge: '101%' })), ['spec.updateStrategy.rollingUpdate.maxSurge Invalid']],
    ['invalid update strategy - both non-zero', ds(rolling({ maxUnavailable: 1, maxSurge: 1 })), ['spec.updateStrategy.rollingUpdate.maxSurge Invalid']],
    [
      'invalid update strategy - malformed percentage',
      ds(rolling({ maxUnavailable: 'x%' })),
      ['spec.updateStrategy.rollingUpdate.maxUnavailable Invalid', 'spec.updateStrategy.rollingUpdate.maxUnavailable Required'],
    ],
    ['negative minReadySeconds', ds({ minReadySeconds: -1 }), ['spec.minReadySeconds Invalid']],
    ['negative revisionHistoryLimit', ds({ revisionHistoryLimit: -1 }), ['spec.revisionHistoryLimit Invalid']],
  ];
  for (const [name, input, expected] of cases) assert.deepEqual(summarise(validateDaemonSet(input)), expected, name);
});

test('DaemonSet validation messages are upstream’s', () => {
  assert.deepEqual(fullText(validateDaemonSet(ds({ selector: {} }))), ['spec.selector: Invalid value: {}: empty selector is invalid for daemonset']);
  assert.deepEqual(fullText(validateDaemonSet(ds({ selector: { matchLabels: { foo: 'bar' } } }))), [
    'spec.template.metadata.labels: Invalid value: {"a":"b"}: `selector` does not match template `labels`',
  ]);
  assert.deepEqual(fullText(validateDaemonSet(ds(rolling({ maxUnavailable: 1, maxSurge: 1 })))), [
    'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
  ]);
  assert.deepEqual(fullText(validateDaemonSet(ds(rolling({ maxUnavailable: 0 })))), [
    'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
  ]);
  assert.deepEqual(fullText(validateDaemonSet(ds({ template: validTemplate(validSelector, { restartPolicy: 'Never' }) }))), [
    'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
  ]);
});

test('TestValidateDaemonSetUpdate: the selector is immutable', () => {
  const old = ds({});
  const cases: [string, DaemonSetLike, string[]][] = [
    ['template change', ds({ template: validTemplate(validSelector, { containers: [{ name: 'abc', image: 'other' }] }) }), []],
    ['strategy change', ds(rolling({ maxUnavailable: 2 })), []],
    ['change daemon name', { ...ds({}), metadata: { name: 'abc' } }, []],
    ['invalid selector change', ds({ selector: { matchLabels: { a: 'b', c: 'd' } }, template: validTemplate({ a: 'b', c: 'd' }) }), ['spec.selector Invalid']],
  ];
  for (const [name, next, expected] of cases) assert.deepEqual(summarise(validateDaemonSetUpdate(next, old)), expected, name);
  assert.match(fullText(validateDaemonSetUpdate(cases[3]![1], old))[0]!, /^spec.selector: Invalid value: .*: field is immutable$/);
});
