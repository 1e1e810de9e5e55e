import { test } from 'node:test';
import assert from 'node:assert/strict';
import { everything, matches, newRequirement, nothing, parseSelector, requirementMatches } from './index.js';

const sel = parseSelector;

test('equality needs the key present; "x=" matches only an empty value', () => {
  assert.equal(matches(sel('x='), { x: '' }), true);
  assert.equal(matches(sel('x='), {}), false);
  assert.equal(matches(sel('x==a'), { x: 'a' }), true);
});

test('!= and notin match when the key is absent', () => {
  assert.equal(matches(sel('x!=a'), {}), true);
  assert.equal(matches(sel('x notin (a)'), {}), true);
  assert.equal(matches(sel('x notin (a,b)'), { x: 'b' }), false);
  assert.equal(matches(sel('x notin (a,b)'), { x: 'c' }), true);
});

test('in needs the key present with one of the values', () => {
  assert.equal(matches(sel('x in (a,b)'), { x: 'b' }), true);
  assert.equal(matches(sel('x in (a,b)'), {}), false);
  assert.equal(matches(sel('x in ()'), { x: '' }), true);
});

test('Gt/Lt compare as int64 and never match a non-integer or out-of-range label', () => {
  assert.equal(matches(sel('x>10'), { x: '9' }), false);
  assert.equal(matches(sel('x>10'), { x: '11' }), true);
  assert.equal(matches(sel('x>10'), { x: '011' }), true, 'leading zeros are decimal, not octal');
  assert.equal(matches(sel('x<10'), { x: '-5' }), true);
  assert.equal(matches(sel('x>1'), { x: '+5' }), true, 'Go ParseInt accepts a leading +');
  assert.equal(matches(sel('x>1'), { x: '' }), false);
  assert.equal(matches(sel('x>1'), { x: '2.5' }), false);
  assert.equal(matches(sel('x>1'), { x: '1e3' }), false);
  assert.equal(matches(sel('x>1'), { x: ' 5' }), false);
  assert.equal(matches(sel('x>1'), { x: '9223372036854775808' }), false, 'beyond int64');
  assert.equal(matches(sel('x>9223372036854775806'), { x: '9223372036854775807' }), true, 'no float rounding');
  assert.equal(matches(sel('x>1'), {}), false);
});

test('keys are looked up as own properties only', () => {
  assert.equal(matches(sel('constructor'), {}), false);
  assert.equal(matches(sel('!toString'), {}), true);
  assert.equal(matches(sel('x'), Object.create({ x: 'inherited' }) as Record<string, string>), false);
});

test('every requirement must hold', () => {
  assert.equal(matches(sel('a,b'), { a: '1' }), false);
  assert.equal(matches(sel('a,!b'), { a: '1' }), true);
});

test('everything() matches all label sets, nothing() none', () => {
  assert.equal(matches(everything(), {}), true);
  assert.equal(matches(nothing(), {}), false);
  assert.equal(matches(nothing(), { a: 'b' }), false);
});

test('requirementMatches checks a single requirement', () => {
  assert.equal(requirementMatches(newRequirement('a', 'In', ['x', 'y']), { a: 'y' }), true);
  assert.equal(requirementMatches(newRequirement('a', 'DoesNotExist'), { a: 'y' }), false);
});
