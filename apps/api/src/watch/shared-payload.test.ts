import { test } from 'node:test';
import assert from 'node:assert/strict';
import { payloadReplacer, serialiseOnce, withSharedPayload } from './shared-payload.js';

// What graphql-ws does per subscriber: stringify the envelope with the replacer, then send.
const message = (id: string, payload: unknown) => JSON.stringify({ id, type: 'next', payload }, payloadReplacer);

test('a shared result goes out byte for byte as plain JSON.stringify would send it, to every subscriber', () => {
  const result = serialiseOnce({ data: { watchPods: { type: 'ADDED', object: { metadata: { name: 'a "quoted" \u0000 name', labels: { payload: 'x' } } } } } });
  for (const id of ['1', '2', 'x-3']) {
    assert.equal(withSharedPayload(message(id, result)), JSON.stringify({ id, type: 'next', payload: result }));
  }
});

test('messages without a serialised payload are sent unchanged', () => {
  const error = JSON.stringify({ id: '1', type: 'error', payload: [{ message: 'boom' }] }, payloadReplacer);
  assert.equal(withSharedPayload(error), JSON.stringify({ id: '1', type: 'error', payload: [{ message: 'boom' }] }));
  assert.equal(withSharedPayload(message('2', { data: { fresh: true } })), JSON.stringify({ id: '2', type: 'next', payload: { data: { fresh: true } } }));
});

test('a marker left by a message that was never sent does not leak into the next one', () => {
  const result = serialiseOnce({ data: { n: 1 } });
  message('dropped', result); // the socket was closing: graphql-ws stringified but did not send
  const complete = JSON.stringify({ id: '3', type: 'complete' }, payloadReplacer);
  assert.equal(withSharedPayload(complete), complete);
  assert.equal(withSharedPayload(message('4', result)), JSON.stringify({ id: '4', type: 'next', payload: result }));
});
