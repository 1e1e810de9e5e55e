// A mistake in a subscription document is the client's (GRAPHQL_VALIDATION_FAILED /
// GRAPHQL_PARSE_FAILED, as over HTTP), not an internal error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
});
after(async () => {
  await api?.close();
});

function firstError(query: string): Promise<{ message: string; extensions?: { code?: string } }> {
  const client = api.ws();
  return new Promise((resolve, reject) => {
    client.subscribe(
      { query },
      {
        next: () => reject(new Error('an event for an invalid document')),
        error: (e) => resolve((Array.isArray(e) ? e[0] : e) as { message: string; extensions?: { code?: string } }),
        complete: () => reject(new Error('completed without an error')),
      },
    );
  });
}

test('an unknown argument is GRAPHQL_VALIDATION_FAILED naming it; a syntax error is GRAPHQL_PARSE_FAILED', async () => {
  const unknown = await firstError('subscription { watchPods(namespace: "default", bogus: 1) { type } }');
  assert.equal(unknown.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  assert.match(unknown.message, /Unknown argument "bogus"/);
  const syntax = await firstError('subscription { watchPods(');
  assert.equal(syntax.extensions?.code, 'GRAPHQL_PARSE_FAILED');
  assert.match(syntax.message, /Syntax Error/);
});
