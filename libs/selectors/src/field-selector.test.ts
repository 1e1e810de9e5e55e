import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SelectorParseError, checkFieldsSupported, escapeFieldValue, fieldSelectorToString, matchesFields, parseFieldSelector, unescapeFieldValue } from './index.js';

test('parses =, == and != terms; == becomes =', () => {
  assert.deepEqual(parseFieldSelector('metadata.name==web,status.phase!=Running,spec.nodeName=n1').requirements, [
    { field: 'metadata.name', operator: 'Equals', value: 'web' },
    { field: 'spec.nodeName', operator: 'Equals', value: 'n1' },
    { field: 'status.phase', operator: 'NotEquals', value: 'Running' },
  ]);
});

test('terms are sorted by their text and the canonical string follows', () => {
  assert.equal(fieldSelectorToString(parseFieldSelector('b=2,a!=1,a=0')), 'a!=1,a=0,b=2');
});

test('empty text and empty terms select everything', () => {
  assert.deepEqual(parseFieldSelector('').requirements, []);
  assert.deepEqual(parseFieldSelector(',').requirements, []);
  assert.equal(fieldSelectorToString(parseFieldSelector('a=1,,b=2,')), 'a=1,b=2');
});

test('values may be empty and keep surrounding text verbatim', () => {
  assert.deepEqual(parseFieldSelector('spec.nodeName=').requirements, [{ field: 'spec.nodeName', operator: 'Equals', value: '' }]);
  assert.deepEqual(parseFieldSelector('a= b ').requirements, [{ field: 'a', operator: 'Equals', value: ' b ' }]);
});

test('the first operator splits the term; a value may start with "!"', () => {
  assert.deepEqual(parseFieldSelector('a=!b').requirements, [{ field: 'a', operator: 'Equals', value: '!b' }]);
});

test('backslash escapes let values contain \\, comma and =', () => {
  const selector = parseFieldSelector('metadata.name=a\\,b\\=c\\\\d,x=y');
  assert.deepEqual(selector.requirements[0], { field: 'metadata.name', operator: 'Equals', value: 'a,b=c\\d' });
  assert.equal(fieldSelectorToString(selector), 'metadata.name=a\\,b\\=c\\\\d,x=y');
  assert.equal(escapeFieldValue('a,b=c\\'), 'a\\,b\\=c\\\\');
  assert.deepEqual(unescapeFieldValue(escapeFieldValue('x,=\\y')), { value: 'x,=\\y' });
});

test('errors: no operator, bad escapes, unescaped = in a value', () => {
  const cases: [string, string, number][] = [
    ['a=1,oops', "invalid selector: 'a=1,oops'; can't understand 'oops'", 4],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x', 3],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\', 3],
    ['a=b=c', 'invalid field selector: unescaped character in value: =', 3],
    ['a==b=c', 'invalid field selector: unescaped character in value: =', 4],
  ];
  for (const [text, message, position] of cases) {
    assert.throws(
      () => parseFieldSelector(text),
      (err: unknown) => {
        assert.ok(err instanceof SelectorParseError, text);
        assert.equal(err.message, `${message} at position ${position}`, text);
        assert.equal(err.position, position, text);
        return true;
      },
    );
  }
});

test('matchesFields: = and != compare, a missing field reads as ""', () => {
  const fields = { 'metadata.name': 'web', 'status.phase': 'Running' };
  assert.equal(matchesFields(parseFieldSelector(''), fields), true);
  assert.equal(matchesFields(parseFieldSelector('metadata.name=web'), fields), true);
  assert.equal(matchesFields(parseFieldSelector('metadata.name!=web'), fields), false);
  assert.equal(matchesFields(parseFieldSelector('metadata.name=web,status.phase!=Pending'), fields), true);
  assert.equal(matchesFields(parseFieldSelector('spec.nodeName='), fields), true);
  assert.equal(matchesFields(parseFieldSelector('spec.nodeName!='), fields), false);
  assert.equal(matchesFields(parseFieldSelector('constructor='), {}), true, 'no prototype lookups');
});

test('checkFieldsSupported names the first unsupported field', () => {
  const supported = ['metadata.name', 'metadata.namespace', 'spec.nodeName'];
  assert.doesNotThrow(() => checkFieldsSupported(parseFieldSelector('metadata.name=a,spec.nodeName!=b'), supported));
  assert.throws(
    () => checkFieldsSupported(parseFieldSelector('metadata.name=a,spec.foo=b'), supported),
    (err: unknown) => {
      assert.ok(err instanceof SelectorParseError);
      assert.equal(err.message, 'field label not supported: spec.foo');
      return true;
    },
  );
});
