import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SelectorParseError, isOperator, newRequirement, requirementProblems, requirementToString } from './index.js';

test('newRequirement sorts values but keeps duplicates, like Kubernetes', () => {
  const requirement = newRequirement('x', 'In', ['b', 'a', 'b']);
  assert.deepEqual(requirement.values, ['a', 'b', 'b']);
  assert.equal(requirementToString(requirement), 'x in (a,b,b)');
});

test("newRequirement does not keep a reference to the caller's array", () => {
  const values = ['b', 'a'];
  newRequirement('x', 'In', values);
  assert.deepEqual(values, ['b', 'a']);
});

test('newRequirement reports every problem at once, without a position', () => {
  assert.throws(
    () => newRequirement('-x', 'Equals', ['a', '-b']),
    (err: unknown) => {
      assert.ok(err instanceof SelectorParseError);
      assert.equal(err.position, undefined);
      assert.match(err.message, /invalid label key "-x"/);
      assert.match(err.message, /exact-match compatibility requires one single value/);
      assert.match(err.message, /invalid label value "-b" for key "-x"/);
      return true;
    },
  );
});

test('requirementProblems names unsupported operators', () => {
  assert.deepEqual(requirementProblems('x', 'Exists', []), []);
  assert.match(requirementProblems('x', 'Bogus', [])[0]!, /unsupported operator "Bogus"/);
});

test('isOperator recognises exactly the nine operators', () => {
  assert.equal(isOperator('NotIn'), true);
  assert.equal(isOperator('notin'), false);
  assert.equal(isOperator(undefined), false);
});

test('requirementToString for each operator', () => {
  const cases: [Parameters<typeof newRequirement>, string][] = [
    [['k', 'Equals', ['v']], 'k=v'],
    [['k', 'DoubleEquals', ['v']], 'k==v'],
    [['k', 'NotEquals', ['']], 'k!='],
    [['k', 'In', ['b', 'a']], 'k in (a,b)'],
    [['k', 'NotIn', ['']], 'k notin ()'],
    [['k', 'Exists', []], 'k'],
    [['k', 'DoesNotExist', []], '!k'],
    [['k', 'GreaterThan', ['3']], 'k>3'],
    [['k', 'LessThan', ['3']], 'k<3'],
  ];
  for (const [args, text] of cases) assert.equal(requirementToString(newRequirement(...args)), text);
});
