import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayRetry } from './retry-policy.js';

const cases: [string, string, Record<string, string>, string | undefined, boolean, boolean][] = [
  ['GET refused', 'GET', {}, 'ECONNREFUSED', false, true],
  ['HEAD reset', 'HEAD', {}, 'ECONNRESET', false, true],
  ['DELETE without body', 'DELETE', { 'content-length': '0' }, 'ECONNREFUSED', false, true],
  ['POST is never retried', 'POST', {}, 'ECONNREFUSED', false, false],
  ['PATCH is never retried', 'PATCH', {}, 'ECONNREFUSED', false, false],
  ['PUT with a streamed body', 'PUT', { 'content-length': '10' }, 'ECONNREFUSED', false, false],
  ['GET after the response started', 'GET', {}, 'ECONNRESET', true, false],
  ['GET on a non-connection error', 'GET', {}, 'ERR_SOMETHING', false, false],
];
for (const [name, method, headers, code, started, expected] of cases) test(`mayRetry: ${name}`, () => assert.equal(mayRetry(method, headers, code, started), expected));
