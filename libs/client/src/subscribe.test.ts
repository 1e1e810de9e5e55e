import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WheelhouseClient } from './client.js';
import type { WheelhouseError } from './errors.js';
import type { ConnectionState } from './socket.js';
import { startFakeApi, type FakeApi } from './testing/fake-api.js';
import { delay, waitFor } from './testing/wait.js';

let api: FakeApi;
before(async () => (api = await startFakeApi({ token: 'secret' })));
after(() => api.close());

const WATCH = `subscription W($rv: String) { watchPods(resourceVersion: $rv) { type object { metadata { name resourceVersion } } } }`;

/** Collects what a subscription delivers: pod names, errors, completion. */
function recorder() {
  const r = {
    events: [] as string[],
    errors: [] as WheelhouseError[],
    completed: false,
    sink: {
      next: (data: unknown) => r.events.push((data as { watchPods: { object: { metadata: { name: string } } } }).watchPods.object.metadata.name),
      error: (e: WheelhouseError) => r.errors.push(e),
      complete: () => (r.completed = true),
    },
  };
  return r;
}

test('sends the token in connectionParams and reports connection states', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  const states: ConnectionState[] = [];
  client.onConnectionChange((s) => states.push(s));
  const r = recorder();
  const unsubscribe = client.subscribe(WATCH, { rv: String(api.store.revision) }, r.sink);

  await waitFor('connected', () => client.connectionState === 'connected');
  assert.deepEqual(api.connectionParams.at(-1), { authorization: 'Bearer secret' });
  await waitFor('the watch on the server', () => api.store.listeners.size === 1);
  api.store.create('default', 'a');
  await waitFor('event', () => r.events.length === 1);

  unsubscribe();
  await waitFor('lazy close', () => client.connectionState === 'closed');
  assert.deepEqual(states, ['connecting', 'connected', 'closed']);
  assert.equal(r.completed, false, 'nothing reaches the sink after unsubscribe');
  client.close();
});

test('a dropped socket ends the subscription with UNAVAILABLE instead of silently re-sending it', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  const states: ConnectionState[] = [];
  client.onConnectionChange((s) => states.push(s));
  const r = recorder();
  client.subscribe(WATCH, { rv: String(api.store.revision) }, r.sink);
  await waitFor('the watch on the server', () => api.store.listeners.size === 1);
  const watchesBefore = api.watches.length;

  api.dropSockets();
  await waitFor('the error', () => r.errors.length === 1);
  assert.equal(r.errors[0]!.code, 'UNAVAILABLE');

  // The socket comes back for the next subscription, which graphql-ws marks as a retry.
  const again = recorder();
  const unsubscribe = client.subscribe(WATCH, { rv: String(api.store.revision) }, again.sink);
  await waitFor('reconnected', () => client.connectionState === 'connected');
  await waitFor('the new watch on the server', () => api.watches.length === watchesBefore + 1);
  assert.deepEqual(states, ['connecting', 'connected', 'closed', 'reconnecting', 'connected']);
  assert.equal(r.errors.length, 1);
  unsubscribe();
  client.close();
});

test('a connection that stops answering pings is dropped after keepAliveMs', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret', keepAliveMs: 100 });
  const r = recorder();
  client.subscribe(WATCH, { rv: String(api.store.revision) }, r.sink);
  await waitFor('connected', () => client.connectionState === 'connected');
  await delay(250); // pings are answered meanwhile
  assert.equal(r.errors.length, 0);

  api.freezeSockets();
  // A hang guard: without the keep-alive the frozen connection would never error at all.
  await waitFor('the error', () => r.errors.length === 1, 10_000);
  assert.equal(r.errors[0]!.code, 'UNAVAILABLE');
  assert.equal(client.connectionState, 'closed');
  client.close();
  api.dropSockets(); // the frozen server side never noticed
});

test('a refused token ends subscriptions with UNAUTHENTICATED', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'wrong' });
  const r = recorder();
  client.subscribe(WATCH, {}, r.sink);
  await waitFor('the error', () => r.errors.length === 1);
  assert.equal(r.errors[0]!.code, 'UNAUTHENTICATED');
  client.close();
});

test('an error result ends the subscription with its code', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  api.store.create('default', 'x');
  api.store.compact();
  const r = recorder();
  client.subscribe(WATCH, { rv: '1' }, r.sink);
  await waitFor('the error', () => r.errors.length === 1);
  assert.equal(r.errors[0]!.code, 'EXPIRED');
  assert.equal(r.completed, false);
  client.close();
});

test('close() ends open subscriptions with CLOSED and refuses new ones', async () => {
  const client = new WheelhouseClient({ server: api.url, token: 'secret' });
  const r = recorder();
  client.subscribe(WATCH, { rv: String(api.store.revision) }, r.sink);
  await waitFor('connected', () => client.connectionState === 'connected');
  client.close();
  assert.deepEqual(
    r.errors.map((e) => e.code),
    ['CLOSED'],
  );
  const late = recorder();
  client.subscribe(WATCH, {}, late.sink);
  await waitFor('the error', () => late.errors.length === 1);
  assert.equal(late.errors[0]!.code, 'CLOSED');
  await waitFor('the server sees the socket go', () => api.store.listeners.size === 0);
});
