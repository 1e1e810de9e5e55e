import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { WheelhouseClient } from './client.js';
import type { WheelhouseError } from './errors.js';
import { startFakeApi, type FakeApi, type FakeApiOptions } from './testing/fake-api.js';
import type { FakePod } from './testing/fake-store.js';
import { delay, waitFor } from './testing/wait.js';
import type { WatchEvent } from './types.js';
import { watchResumable, type WatchHandle } from './watch-resumable.js';

/** One API, one client and one watch per test, torn down whatever happens. */
let teardown: (() => Promise<void>) | undefined;
afterEach(async () => {
  await teardown?.();
  teardown = undefined;
});

/** `prepare` runs against the fresh API before the watch starts and may pick its resourceVersion. */
async function setup(apiOptions: FakeApiOptions = {}, prepare: (api: FakeApi) => { resourceVersion?: string } = () => ({})) {
  const api = await startFakeApi({ token: 't', ...apiOptions });
  const watchOptions = prepare(api);
  const client = new WheelhouseClient({ server: api.url, token: 't' });
  const seen = {
    events: [] as WatchEvent<FakePod>[],
    relists: [] as { names: string[]; resourceVersion: string }[],
    bookmarks: [] as string[],
    errors: [] as { code: string; willRetry: boolean }[],
  };
  const handle: WatchHandle = watchResumable<FakePod>(client, {
    plural: 'pods',
    kind: 'Pod',
    fields: 'metadata { name namespace } spec { nodeName }',
    namespace: 'default',
    ...watchOptions,
    onEvent: (event) => seen.events.push(event),
    onRelist: (items, resourceVersion) => seen.relists.push({ names: items.map((p) => p.metadata.name).sort(), resourceVersion }),
    onBookmark: (rv) => seen.bookmarks.push(rv),
    onError: (error: WheelhouseError, willRetry) => seen.errors.push({ code: error.code, willRetry }),
  });
  teardown = async () => {
    handle.stop();
    client.close();
    await api.close();
  };
  /** Waits until the server runs `count` watches in total and the newest is live. */
  const watching = (count: number) => waitFor(`watch #${count}`, () => api.watches.length >= count && api.store.listeners.size === 1);
  const names = () => seen.events.map((e) => `${e.type} ${e.object.metadata.name}`);
  const revisions = () => seen.events.map((e) => BigInt(e.object.metadata.resourceVersion));
  return { api, client, handle, seen, watching, names, revisions };
}

const ascending = (values: bigint[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);

test('lists, then delivers every later change in order', async () => {
  const t = await setup();
  t.api.store.create('default', 'before');
  await t.watching(1);
  assert.deepEqual(t.seen.relists, [{ names: ['before'], resourceVersion: String(t.api.store.revision) }]);
  assert.equal(t.api.watches[0]!.resourceVersion, t.seen.relists[0]!.resourceVersion);
  assert.equal(t.api.watches[0]!.allowWatchBookmarks, true);

  t.api.store.create('default', 'a');
  t.api.store.create('elsewhere', 'filtered-out');
  t.api.store.bind('default', 'a', 'node-1');
  t.api.store.delete('default', 'before');
  await waitFor('3 events', () => t.seen.events.length === 3);
  assert.deepEqual(t.names(), ['ADDED a', 'MODIFIED a', 'DELETED before']);
  assert.equal(t.seen.events[1]!.object.spec.nodeName, 'node-1');
  assert.ok(ascending(t.revisions()));
  assert.equal(t.handle.resourceVersion, t.seen.events[2]!.object.metadata.resourceVersion);
});

test('after the server drops the socket it resumes from the last revision: no duplicate, no gap', async () => {
  const t = await setup();
  await t.watching(1);
  t.api.store.create('default', 'p1');
  t.api.store.create('default', 'p2');
  await waitFor('2 events', () => t.seen.events.length === 2);
  const lastSeen = t.handle.resourceVersion;

  t.api.dropSockets();
  // Changes while disconnected must arrive after the reconnect.
  t.api.store.create('default', 'p3');
  t.api.store.bind('default', 'p1', 'node-1');
  await t.watching(2);
  assert.equal(t.api.watches[1]!.resourceVersion, lastSeen);
  t.api.store.create('default', 'p4');

  await waitFor('5 events', () => t.seen.events.length === 5);
  await delay(50);
  assert.deepEqual(t.names(), ['ADDED p1', 'ADDED p2', 'ADDED p3', 'MODIFIED p1', 'ADDED p4']);
  assert.ok(ascending(t.revisions()));
  assert.equal(t.seen.relists.length, 1, 'a resume is not a relist');
  assert.deepEqual(t.seen.errors, [{ code: 'UNAVAILABLE', willRetry: true }]);
});

test('resumes when the server completes the watch', async () => {
  const t = await setup();
  await t.watching(1);
  t.api.store.create('default', 'p1');
  await waitFor('1 event', () => t.seen.events.length === 1);

  t.api.completeWatches();
  t.api.store.create('default', 'p2');
  await t.watching(2);
  assert.equal(t.api.watches[1]!.resourceVersion, t.seen.events[0]!.object.metadata.resourceVersion);
  await waitFor('2 events', () => t.seen.events.length === 2);
  assert.deepEqual(t.names(), ['ADDED p1', 'ADDED p2']);
  assert.deepEqual(t.seen.errors, [], 'a completed watch is not an error');
});

test('drops replayed events at or before the last revision', async () => {
  const t = await setup({ replayOverlap: 2 });
  await t.watching(1);
  t.api.store.create('default', 'p1');
  t.api.store.create('default', 'p2');
  await waitFor('2 events', () => t.seen.events.length === 2);
  t.api.dropSockets();
  t.api.store.create('default', 'p3');
  await t.watching(2);
  await waitFor('3 events', () => t.seen.events.length >= 3);
  await delay(50);
  assert.deepEqual(t.names(), ['ADDED p1', 'ADDED p2', 'ADDED p3']);
});

for (const expireMode of ['subscribe', 'stream'] as const) {
  test(`EXPIRED (${expireMode === 'subscribe' ? 'as an error result' : 'as a stream error'}) relists and watches from the new list`, async () => {
    const t = await setup({ expireMode });
    t.api.store.create('default', 'old');
    await t.watching(1);
    t.api.store.create('default', 'p1');
    await waitFor('1 event', () => t.seen.events.length === 1);

    t.api.dropSockets();
    t.api.store.create('default', 'p2');
    t.api.store.delete('default', 'old');
    t.api.store.compact(); // the history the resume needs is gone
    await waitFor('a relist', () => t.seen.relists.length === 2);
    const relist = t.seen.relists[1]!;
    assert.deepEqual(relist.names, ['p1', 'p2']);
    assert.equal(relist.resourceVersion, String(t.api.store.revision));
    assert.ok(t.seen.errors.some((e) => e.code === 'EXPIRED' && e.willRetry));

    await waitFor('the watch after the relist', () => t.api.watches.at(-1)!.resourceVersion === relist.resourceVersion);
    await t.watching(t.api.watches.length);
    t.api.store.create('default', 'p3');
    await waitFor('the next event', () => t.seen.events.length === 2);
    assert.deepEqual(t.names(), ['ADDED p1', 'ADDED p3']);
  });
}

test('survives an API restart: waits while refused, then resumes where it stopped', async () => {
  const t = await setup();
  const states: string[] = [];
  t.client.onConnectionChange((s) => states.push(s));
  await t.watching(1);
  t.api.store.create('default', 'p1');
  await waitFor('1 event', () => t.seen.events.length === 1);

  await t.api.close();
  await delay(400); // connection attempts are refused meanwhile
  // The new process serves the same history (the database outlived it), plus one change.
  const restarted = await startFakeApi({ token: 't', port: Number(new URL(t.api.url).port) });
  const stopOld = teardown!;
  teardown = async () => {
    await stopOld().catch(() => {});
    await restarted.close();
  };
  restarted.store.create('default', 'p1');
  restarted.store.create('default', 'p2');

  await waitFor('the event after the restart', () => t.seen.events.length === 2);
  assert.deepEqual(t.names(), ['ADDED p1', 'ADDED p2']);
  assert.equal(restarted.watches[0]!.resourceVersion, t.seen.events[0]!.object.metadata.resourceVersion);
  assert.equal(t.seen.relists.length, 1);
  assert.ok(states.includes('reconnecting'));
  assert.equal(states.at(-1), 'connected');
});

test('bookmarks advance the revision without reaching onEvent', async () => {
  const t = await setup();
  await t.watching(1);
  t.api.store.touchOtherKind();
  t.api.store.bookmark();
  await waitFor('a bookmark', () => t.seen.bookmarks.length === 1);
  assert.equal(t.seen.bookmarks[0], String(t.api.store.revision));
  assert.equal(t.handle.resourceVersion, String(t.api.store.revision));
  assert.equal(t.seen.events.length, 0);

  t.api.dropSockets();
  await t.watching(2);
  assert.equal(t.api.watches[1]!.resourceVersion, t.seen.bookmarks[0]);
});

test('given a resourceVersion it skips the list and watches from there', async () => {
  const t = await setup({}, (api) => {
    api.store.create('default', 'p1');
    const from = String(api.store.revision);
    api.store.create('default', 'p2');
    return { resourceVersion: from };
  });
  await t.watching(1);
  assert.equal(t.api.watches[0]!.resourceVersion, String(t.api.store.revision - 1n));
  await waitFor('1 event', () => t.seen.events.length === 1);
  assert.deepEqual(t.names(), ['ADDED p2']);
  assert.equal(t.seen.relists.length, 0);
});

test('stop() ends the watch: no more callbacks, no server-side watch, no open handles', async () => {
  const t = await setup();
  await t.watching(1);
  // Stop while a resubscribe is pending and the socket reconnects: the hardest moment.
  t.api.dropSockets();
  await waitFor('the drop', () => t.seen.errors.length === 1);
  t.handle.stop();
  const watchesAtStop = t.api.watches.length;
  t.api.store.create('default', 'after-stop');
  await delay(300);
  assert.equal(t.seen.events.length, 0);
  assert.equal(t.api.watches.length, watchesAtStop, 'no resubscribe after stop()');
  await waitFor('the server-side watch to end', () => t.api.store.listeners.size === 0);
  assert.equal(t.client.connectionState, 'closed', 'the lazy socket closes with its last subscription');

  await teardown!();
  teardown = undefined;
  await waitFor('no sockets or timers left', () => openHandles().length === 0, 10_000).catch(() => {
    assert.fail(`still open: ${openHandles().join(', ')}`);
  });
});

/** Sockets, servers and timers that would keep the process alive (stdio pipes to the test runner aside). */
function openHandles(): string[] {
  return process.getActiveResourcesInfo().filter((r) => /TCP|Timeout|Immediate/.test(r));
}
