import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  duplicateError,
  fieldErrorsToString,
  fieldErrorToString,
  forbiddenError,
  formatBadValue,
  invalidError,
  notSupportedError,
  requiredError,
  tooLongError,
} from '../field-error.js';

test('constructors produce Kubernetes error bodies', () => {
  const cases: [ReturnType<typeof requiredError>, string, string][] = [
    [requiredError('spec.containers'), 'Required', 'Required value'],
    [requiredError('metadata.name', 'name or generateName is required'), 'Required', 'Required value: name or generateName is required'],
    [invalidError('metadata.name', 'Foo', 'bad'), 'Invalid', 'Invalid value: "Foo": bad'],
    [invalidError('spec.x', 3, 'bad'), 'Invalid', 'Invalid value: 3: bad'],
    [invalidError('spec.x', true, 'bad'), 'Invalid', 'Invalid value: true: bad'],
    [invalidError('spec.x', null, 'bad'), 'Invalid', 'Invalid value: null: bad'],
    [invalidError('spec.x', ['a'], 'bad'), 'Invalid', 'Invalid value: ["a"]: bad'],
    [forbiddenError('metadata.namespace', 'not allowed on this type'), 'Forbidden', 'Forbidden: not allowed on this type'],
    [duplicateError('spec.volumes[1].name', 'data'), 'Duplicate', 'Duplicate value: "data"'],
    [
      notSupportedError('spec.restartPolicy', 'Sometimes', ['Always', 'OnFailure', 'Never']),
      'NotSupported',
      'Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ],
    [tooLongError('metadata.annotations', 262144), 'TooLong', 'Too long: may not be more than 262144 bytes'],
  ];
  for (const [error, type, message] of cases) {
    assert.equal(error.type, type);
    assert.equal(error.message, message);
  }
});

test('string forms join field and message like Go', () => {
  const a = requiredError('spec.containers');
  const b = invalidError('metadata.name', 'Foo', 'bad');
  assert.equal(fieldErrorToString(a), 'spec.containers: Required value');
  assert.equal(fieldErrorsToString([a]), 'spec.containers: Required value');
  assert.equal(fieldErrorsToString([a, b]), '[spec.containers: Required value, metadata.name: Invalid value: "Foo": bad]');
});

test('bad values with quotes are escaped', () => {
  assert.equal(formatBadValue('say "hi"'), '"say \\"hi\\""');
  assert.equal(formatBadValue(undefined), 'null');
});
