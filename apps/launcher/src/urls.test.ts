import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiBaseUrl, graphqlUrl, healthzUrl, postgresUrl, redactUrl } from './urls.js';

test('postgresUrl escapes the password', () => {
  const url = postgresUrl({ user: 'postgres', password: 'a/b@c:d', host: '127.0.0.1', port: 54329, database: 'wheelhouse' });
  assert.equal(url, 'postgresql://postgres:a%2Fb%40c%3Ad@127.0.0.1:54329/wheelhouse');
  assert.equal(decodeURIComponent(new URL(url).password), 'a/b@c:d');
});

test('API URLs are on loopback', () => {
  const base = apiBaseUrl(4000);
  assert.equal(base, 'http://127.0.0.1:4000');
  assert.equal(graphqlUrl(base), 'http://127.0.0.1:4000/graphql');
  assert.equal(healthzUrl(base), 'http://127.0.0.1:4000/healthz');
});

test('redactUrl hides the password only', () => {
  assert.equal(redactUrl('postgresql://u:secret@db:5432/x'), 'postgresql://u:***@db:5432/x');
  assert.equal(redactUrl('postgresql://u@db/x'), 'postgresql://u@db/x');
  assert.equal(redactUrl('not a url'), '<unparseable URL>');
});
