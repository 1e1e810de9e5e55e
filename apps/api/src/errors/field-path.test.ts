import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldPathFromVariableError, formatPath } from './field-path.js';

test('formatPath writes Kubernetes field paths', () => {
  assert.equal(formatPath(['spec', 'containers', 0, 'name']), 'spec.containers[0].name');
  assert.equal(formatPath([]), '');
});

test('fieldPathFromVariableError recovers the field of a GraphQL variable error', () => {
  assert.equal(
    fieldPathFromVariableError('Variable "$input" got invalid value { colour: "red" } at "input.spec.containers[0]"; Field "colour" is not defined by type "ContainerInput".'),
    'spec.containers[0].colour',
  );
  assert.equal(
    fieldPathFromVariableError('Variable "$input" got invalid value "x" at "input.spec.terminationGracePeriodSeconds"; Int cannot represent non-integer value: "x"'),
    'spec.terminationGracePeriodSeconds',
  );
  assert.equal(fieldPathFromVariableError('Variable "$input" of required type "PodInput!" was not provided.'), 'input');
  assert.equal(fieldPathFromVariableError('Syntax Error: Unexpected Name'), undefined);
});
