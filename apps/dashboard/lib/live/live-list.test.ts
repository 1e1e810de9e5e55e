import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveList, type LiveListSource, type WatchSink } from './live-list.ts';
import type { ApiProblem } from './types.ts';

interface Obj {
  metadata: { uid: string; name: string; resourceVersion: string };
}
const obj = (name: string, resourceVersion: string): Obj => ({ metadata: { uid: name, name, resourceVersion } });

/** An in-memory API: lists answer from `objects`, watches record their starting version. */
class FakeSource implements LiveListSource<Obj> {
  objects: Obj[] = [];
  resourceVersion = '1';
  lists = 0;
  listProblems: ApiProblem[] = [];
  watches: { from: string; sink: WatchSink<Obj>; closed: boolean }[] = [];
  async list() {
    this.lists++;
    const problem = this.listProblems.shift();
    if (problem) throw problem;
    return { items: [...this.objects], resourceVersion: this.resourceVersion };
  }
  watch(from: string, sink: WatchSink<Obj>) {
    const watch = { from, sink, closed: false };
    this.watches.push(watch);
    return () => {
      watch.closed = true;
    };
  }
  get current() {
    return this.watches.at(-1)!;
  }
}

const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));
/** Waits until the condition holds (timers may run late on a busy machine), failing after 5 s. */
async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await settle(5);
  }
}
const names = (list: LiveList<Obj>) =>
  list
    .getSnapshot()
    .items.map((o) => o.metadata.name)
    .sort();
const fast = { flushDelayMs: 1, retryDelayMs: () => 1 };

test('lists, then watches from the list resourceVersion and patches the list', async () => {
  const source = new FakeSource();
  source.objects = [obj('a', '3')];
  source.resourceVersion = '5';
  const list = new LiveList(source, fast);
  list.start();
  await until(() => source.watches.length === 1, 'the watch');
  assert.equal(list.getSnapshot().phase, 'live');
  assert.equal(source.current.from, '5');
  source.current.sink.event({ type: 'ADDED', object: obj('b', '6') });
  source.current.sink.event({ type: 'DELETED', object: obj('a', '7') });
  await until(() => list.getSnapshot().resourceVersion === '7', 'the events applied');
  assert.deepEqual(names(list), ['b']);
  assert.equal(list.getSnapshot().resourceVersion, '7');
  list.stop();
});

test('EXPIRED relists and watches from the new list version', async () => {
  const source = new FakeSource();
  source.objects = [obj('a', '2')];
  source.resourceVersion = '2';
  const list = new LiveList(source, fast);
  list.start();
  await until(() => source.watches.length === 1, 'the watch');
  const first = source.current;
  // Meanwhile the log was compacted: a is gone, c exists.
  source.objects = [obj('c', '90')];
  source.resourceVersion = '100';
  first.sink.error({ code: 'EXPIRED', message: 'too old resource version: 2' });
  await until(() => source.watches.length === 2, 'the watch after the relist');
  assert.equal(source.lists, 2);
  assert.equal(first.closed, true);
  assert.equal(source.current.from, '100');
  assert.deepEqual(names(list), ['c']);
  assert.equal(list.getSnapshot().phase, 'live');
  first.sink.event({ type: 'ADDED', object: obj('late', '101') });
  await settle();
  assert.deepEqual(names(list), ['c'], 'events from the abandoned watch are dropped');
  list.stop();
});

test('a dropped socket shows reconnecting, then resumes from the latest version applied', async () => {
  const source = new FakeSource();
  const list = new LiveList(source, { flushDelayMs: 1, retryDelayMs: () => 30 });
  list.start();
  await until(() => source.watches.length === 1, 'the watch');
  source.current.sink.event({ type: 'ADDED', object: obj('a', '4') });
  await until(() => list.getSnapshot().items.length === 1, 'the event applied');
  source.current.sink.error({ message: 'socket closed' });
  assert.equal(list.getSnapshot().phase, 'reconnecting');
  await until(() => source.watches.length === 2, 'the resumed watch');
  assert.equal(source.current.from, '4', 'resumes where it left off, no relist');
  assert.equal(source.lists, 1);
  source.current.sink.open();
  assert.equal(list.getSnapshot().phase, 'live');
  assert.deepEqual(names(list), ['a']);
  list.stop();
});

test('a stream the server ends is resumed the same way', async () => {
  const source = new FakeSource();
  const list = new LiveList(source, fast);
  list.start();
  await until(() => source.watches.length === 1, 'the watch');
  source.current.sink.event({ type: 'ADDED', object: obj('a', '8') });
  source.current.sink.complete();
  await until(() => source.watches.length === 2, 'the resumed watch');
  assert.equal(source.current.from, '8');
  list.stop();
});

test('an invalid label selector is a terminal error with the API message, not retried', async () => {
  const source = new FakeSource();
  source.listProblems = [{ code: 'BAD_USER_INPUT', message: 'labelSelector: unexpected "=" at 4' }];
  const list = new LiveList(source, fast);
  list.start();
  await until(() => list.getSnapshot().phase !== 'loading', 'the list answer');
  assert.equal(list.getSnapshot().phase, 'error');
  assert.equal(list.getSnapshot().problem?.message, 'labelSelector: unexpected "=" at 4');
  await settle();
  assert.equal(source.lists, 1);
  list.stop();
});

test('a failing list (API down) is retried until it answers', async () => {
  const source = new FakeSource();
  source.listProblems = [{ message: 'fetch failed' }, { message: 'fetch failed' }];
  source.objects = [obj('a', '1')];
  const list = new LiveList(source, fast);
  list.start();
  await until(() => list.getSnapshot().phase === 'live', 'the list to succeed');
  assert.equal(source.lists, 3);
  assert.equal(list.getSnapshot().phase, 'live');
  assert.deepEqual(names(list), ['a']);
  list.stop();
});

test('events within the flush window render once, as one new items array', async () => {
  const source = new FakeSource();
  const list = new LiveList(source, { flushDelayMs: 10 });
  let renders = 0;
  list.subscribe(() => renders++);
  list.start();
  await until(() => source.watches.length === 1, 'the watch');
  renders = 0;
  for (let i = 2; i < 50; i++) source.current.sink.event({ type: 'ADDED', object: obj(`p${i}`, String(i)) });
  await until(() => renders > 0, 'a render');
  await settle(30);
  assert.equal(renders, 1);
  assert.equal(list.getSnapshot().items.length, 48);
  list.stop();
});
