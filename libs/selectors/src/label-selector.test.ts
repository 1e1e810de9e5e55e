import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SelectorParseError, labelSelectorAsMap, labelSelectorToSelector, matches, matchesEverything, selectorFromSet, selectorToString, type LabelSelector } from './index.js';

test('null and undefined select nothing; {} and empty lists select everything', () => {
  for (const ls of [null, undefined]) {
    const selector = labelSelectorToSelector(ls);
    assert.equal(selector.matchesNothing, true);
    assert.equal(matches(selector, {}), false);
    assert.equal(selectorToString(selector), '');
  }
  for (const ls of [{}, { matchLabels: {}, matchExpressions: [] }, { matchLabels: null, matchExpressions: null }]) {
    assert.equal(matchesEverything(labelSelectorToSelector(ls)), true);
  }
});

test('matchLabels and matchExpressions combine, sorted by key', () => {
  const selector = labelSelectorToSelector({
    matchLabels: { tier: 'web', app: 'shop' },
    matchExpressions: [
      { key: 'env', operator: 'NotIn', values: ['dev', 'ci'] },
      { key: 'canary', operator: 'DoesNotExist' },
      { key: 'zone', operator: 'Exists', values: null },
    ],
  });
  assert.equal(selectorToString(selector), 'app=shop,!canary,env notin (ci,dev),tier=web,zone');
  assert.equal(matches(selector, { app: 'shop', tier: 'web', zone: 'a' }), true);
  assert.equal(matches(selector, { app: 'shop', tier: 'web', zone: 'a', env: 'dev' }), false);
});

test('invalid operators, keys and values are rejected', () => {
  const bad: LabelSelector[] = [
    { matchExpressions: [{ key: 'a', operator: 'Equals' as never, values: ['b'] }] },
    { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
    { matchExpressions: [{ key: 'a', operator: 'In' }] },
    { matchExpressions: [{ key: 'a b', operator: 'Exists' }] },
    { matchLabels: { a: 'not valid' } },
  ];
  for (const ls of bad) assert.throws(() => labelSelectorToSelector(ls), SelectorParseError, JSON.stringify(ls));
  assert.throws(() => labelSelectorToSelector({ matchExpressions: [{ key: 'a', operator: 'Gt' as never, values: ['1'] }] }), {
    message: '"Gt" is not a valid label selector operator',
  });
});

test('labelSelectorAsMap: null gives null, and a key named __proto__ stays data', () => {
  assert.equal(labelSelectorAsMap(null), null);
  assert.deepEqual(labelSelectorAsMap({}), {});
  const map = labelSelectorAsMap({ matchLabels: JSON.parse('{"__proto__":"x"}') as Record<string, string> });
  assert.equal(Object.getPrototypeOf(map), Object.prototype);
  assert.deepEqual(Object.keys(map), ['__proto__']);
});

test('labelSelectorAsMap: an In expression overrides matchLabels for the same key', () => {
  assert.deepEqual(labelSelectorAsMap({ matchLabels: { a: '1' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['2'] }] }), { a: '2' });
});

test('selectorFromSet validates instead of silently selecting more', () => {
  assert.throws(() => selectorFromSet({ a: '=b' }), SelectorParseError);
  assert.throws(() => selectorFromSet({ '-a': 'b' }), SelectorParseError);
  assert.equal(matchesEverything(selectorFromSet(null)), true);
  assert.equal(matchesEverything(selectorFromSet(undefined)), true);
});
