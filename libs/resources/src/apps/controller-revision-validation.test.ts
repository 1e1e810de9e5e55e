// Ported from Kubernetes pkg/apis/apps/validation/validation_test.go: TestValidateControllerRevision, TestValidateControllerRevisionUpdate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateControllerRevision, validateControllerRevisionUpdate, type ControllerRevisionLike } from './controller-revision-validation.js';
import { fullText, summarise } from '../validation/fixtures.js';

const ss = { apiVersion: 'apps/v1', kind: 'StatefulSet', spec: { template: { spec: { containers: [{ name: 'a', image: 'b' }] } } } };
const revision = (extra: Partial<ControllerRevisionLike> = {}): ControllerRevisionLike => ({ metadata: { name: 'cr' }, data: ss, revision: 1, ...extra });

test('TestValidateControllerRevision', () => {
  const cases: [string, ControllerRevisionLike, string[]][] = [
    ['valid', revision(), []],
    ['revision 0 is valid', revision({ revision: 0 }), []],
    ['null data', revision({ data: undefined }), ['data Required']],
    ['negative revision', revision({ revision: -1 }), ['revision Invalid']],
    ['missing revision', revision({ revision: undefined }), ['revision Required']],
    ['fractional revision', revision({ revision: 1.5 }), ['revision Invalid']],
  ];
  for (const [name, input, expected] of cases) assert.deepEqual(summarise(validateControllerRevision(input)), expected, name);
  assert.deepEqual(fullText(validateControllerRevision(revision({ data: undefined, revision: -1 }))), [
    'data: Required value: data is mandatory',
    'revision: Invalid value: -1: must be greater than or equal to 0',
  ]);
});

test('TestValidateControllerRevisionUpdate', () => {
  const modified = { ...ss, spec: { template: { spec: { containers: [{ name: 'a', image: 'c' }] } } } };
  const cases: [string, ControllerRevisionLike, ControllerRevisionLike, string[]][] = [
    ['valid', revision(), revision(), []],
    ['invalid', revision({ revision: -1 }), revision(), ['revision Invalid']],
    ['changed data', revision({ data: modified }), revision(), ['data Invalid']],
    ['changed revision', revision({ revision: 2 }), revision(), []],
  ];
  for (const [name, next, prev, expected] of cases) assert.deepEqual(summarise(validateControllerRevisionUpdate(next, prev)), expected, name);
  assert.match(fullText(validateControllerRevisionUpdate(revision({ data: modified }), revision()))[0]!, /^data: Invalid value: .*: field is immutable$/);
});
