import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from './index.js';

test('qualified names: valid keys', () => {
  for (const key of ['a', 'A', '1', 'a-b_c.d', 'example.com/Name', 'a.b-c.d/x', `${'a'.repeat(63)}`]) {
    assert.deepEqual(qualifiedNameErrors(key), [], key);
  }
});

test('qualified names: invalid keys', () => {
  for (const key of ['', '-a', 'a-', '_a', 'a b', 'a/b/c', '/a', 'a/', 'A.com/x', '-a.com/x', 'a..b/x', `${'a'.repeat(64)}`]) {
    assert.notDeepEqual(qualifiedNameErrors(key), [], key);
  }
});

test('qualified names: the Kubernetes messages', () => {
  assert.deepEqual(qualifiedNameErrors('/'), ['prefix part must be non-empty', 'name part must be non-empty', qualifiedNameErrors('-')[0]]);
  assert.deepEqual(qualifiedNameErrors('-'), [
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  ]);
});

test('DNS-1123 subdomain prefixes: lowercase labels, at most 253 characters', () => {
  assert.deepEqual(dns1123SubdomainErrors('a.b-c.example'), []);
  assert.deepEqual(dns1123SubdomainErrors(`${'a'.repeat(253)}`), []);
  assert.deepEqual(dns1123SubdomainErrors(`${'a'.repeat(254)}`), ['must be no more than 253 characters']);
  assert.equal(dns1123SubdomainErrors('Example.com').length, 1);
  assert.equal(dns1123SubdomainErrors('a_b').length, 1);
});

test('label values: empty allowed, 63 characters max, same charset as names', () => {
  for (const value of ['', 'a', 'A.b_c-1', 'v'.repeat(63)]) assert.deepEqual(labelValueErrors(value), [], value);
  assert.deepEqual(labelValueErrors('v'.repeat(64)), ['must be no more than 63 characters']);
  for (const value of ['-a', 'a-', 'a b', 'a/b', 'é']) assert.equal(labelValueErrors(value).length, 1, value);
});
