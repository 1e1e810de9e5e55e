import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SelectorParseError, parseSelector, selectorToString } from './index.js';

/** Asserts parsing fails with exactly this message and position. */
function assertParseError(text: string, message: string, position: number): void {
  assert.throws(
    () => parseSelector(text),
    (err: unknown) => {
      assert.ok(err instanceof SelectorParseError);
      assert.ok(err instanceof Error);
      assert.equal(err.name, 'SelectorParseError');
      assert.equal(err.message, `${message} at position ${position}`);
      assert.equal(err.position, position);
      return true;
    },
  );
}

test('error: separator where a requirement should start', () => {
  assertParseError('x,,y', "found ',', expected: identifier after ','", 2);
  assertParseError(',x', "found ',', expected: !, identifier, or 'end of string'", 0);
  assertParseError('x=a,', "found end of string, expected: identifier after ','", 4);
});

test('error: missing key after "!" names the expected identifier', () => {
  assertParseError('!', 'unable to parse requirement: found end of string, expected: identifier', 1);
  assertParseError('a,!,b', "unable to parse requirement: found ',', expected: identifier", 3);
});

test('error: unknown operator lists the binary operators', () => {
  assertParseError('x nott in (y)', "unable to parse requirement: found 'nott', expected: one of in, notin, =, ==, !=, >, <", 2);
});

test('error: "!key" takes no operator', () => {
  assertParseError('!x=a', "found '=', expected: ',' or 'end of string'", 2);
});

test('error: junk after a complete requirement', () => {
  assertParseError('x==a==b', "found '==', expected: ',' or 'end of string'", 4);
  assertParseError('a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'", 10);
});

test('error: malformed value sets', () => {
  assertParseError('x in a', "unable to parse requirement: found 'a', expected: '('", 5);
  assertParseError('a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'", 10);
  assertParseError('a notin(', "unable to parse requirement: found end of string, expected: identifier, ',' or ')'", 8);
  assertParseError('x in (a', "unable to parse requirement: found end of string, expected: ',' or ')'", 7);
  assertParseError('x in (=)', "unable to parse requirement: found '=', expected: identifier, ',' or ')'", 6);
});

test('error: invalid key reports the Kubernetes reason at the key', () => {
  assert.throws(
    () => parseSelector('ok, a/b/c'),
    (err: SelectorParseError) => {
      assert.equal(err.position, 4);
      assert.match(err.message, /^unable to parse requirement: invalid label key "a\/b\/c": a qualified name must consist of/);
      return true;
    },
  );
  assert.throws(() => parseSelector('Example.com/x'), /prefix part a lowercase RFC 1123 subdomain/);
  assert.throws(() => parseSelector('/x'), /prefix part must be non-empty/);
  assert.throws(() => parseSelector(`${'a'.repeat(64)}=1`), /name part must be no more than 63 characters/);
  assert.throws(() => parseSelector(`${'a'.repeat(254)}.com/x`), /prefix part must be no more than 253 characters/);
});

test('error: invalid value reports the Kubernetes reason at the value', () => {
  assert.throws(
    () => parseSelector('x in (ok,-bad)'),
    (err: SelectorParseError) => {
      assert.equal(err.position, 9);
      assert.match(err.message, /invalid label value "-bad" for key "x": a valid label must be an empty string/);
      return true;
    },
  );
  assert.throws(() => parseSelector(`x=${'v'.repeat(64)}`), /must be no more than 63 characters/);
});

test('error: Gt/Lt need an int64 value', () => {
  assertParseError('x<a', `unable to parse requirement: invalid value "a" for key "x": for 'Gt', 'Lt' operators, the value must be an integer`, 2);
  assert.throws(() => parseSelector('x>'), /the value must be an integer at position 2/);
  assert.throws(() => parseSelector('x>9223372036854775808'), SelectorParseError);
  assert.equal(selectorToString(parseSelector('x>9223372036854775807')), 'x>9223372036854775807');
});

test('accepts the longest valid key and value', () => {
  const key = `${'a'.repeat(253)}/${'b'.repeat(63)}`;
  const value = 'c'.repeat(63);
  assert.equal(selectorToString(parseSelector(`${key}=${value}`)), `${key}=${value}`);
});

test('whitespace: space, tab, newline and carriage return all separate tokens', () => {
  assert.equal(selectorToString(parseSelector(' \t\r\nx \n in\r(\ta ,\nb\r)\t,\n!y ')), 'x in (a,b),!y');
  assert.equal(selectorToString(parseSelector('a != b , c == d')), 'a!=b,c==d');
});

test('"in" and "notin" are ordinary words as keys and values', () => {
  assert.equal(selectorToString(parseSelector('in=notin')), 'in=notin');
  assert.equal(selectorToString(parseSelector('notin in (in,notin)')), 'notin in (in,notin)');
  assert.equal(selectorToString(parseSelector('!in')), '!in');
});

test('values of a set are sorted and de-duplicated; empty slots mean ""', () => {
  assert.deepEqual(parseSelector('x in (b,a,b)').requirements[0]!.values, ['a', 'b']);
  assert.deepEqual(parseSelector('x notin (,,)').requirements[0]!.values, ['']);
  assert.deepEqual(parseSelector('x in (a,,b)').requirements[0]!.values, ['', 'a', 'b']);
});

test('operators map to the Go selection constant names', () => {
  const ops = parseSelector('a=1,b==1,c!=1,d in (1),e notin (1),f,!g,h>1,i<1').requirements.map((r) => r.operator);
  assert.deepEqual(ops, ['Equals', 'DoubleEquals', 'NotEquals', 'In', 'NotIn', 'Exists', 'DoesNotExist', 'GreaterThan', 'LessThan']);
});

test('requirements are sorted by key, keeping the written order within one key', () => {
  assert.equal(selectorToString(parseSelector('z,b!=1,a,b')), 'a,b!=1,b,z');
});

test('an empty or blank selector has no requirements and matches everything', () => {
  for (const text of ['', '   ', '\t\n']) {
    const selector = parseSelector(text);
    assert.deepEqual(selector.requirements, []);
    assert.equal(selector.matchesNothing, false);
  }
});

test('keys with DNS prefixes and dotted/underscored names parse', () => {
  assert.equal(selectorToString(parseSelector('app.kubernetes.io/name=web,k8s.io/x_y.z in (a.b,c_d)')), 'app.kubernetes.io/name=web,k8s.io/x_y.z in (a.b,c_d)');
});
