import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LiveList, type LiveListSource, type WatchSink } from './live-list.ts';
import type { ApiProblem } from './types.ts';
import { frameScheduler } from './flush-scheduler.ts';

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
  /** Pages served, with the limit and continue token each was asked with. */
  pages: { limit?: number; continue?: string }[] = [];
  /** Problems of continued pages (a compacted snapshot answers EXPIRED). */
  pageProblems: ApiProblem[] = [];
  /** Called before each page is answered: a test changes the cluster between pages. */
  beforePage?: (n: number) => void | Promise<void>;
  /** Snapshots of paged lists by token, as the API keeps them: later pages serve the first page's revision. */
  private snapshots = new Map<string, { items: Obj[]; resourceVersion: string }>();
  async list(page: { limit?: number; continue?: string } = {}) {
    this.pages.push(page);
    await this.beforePage?.(this.pages.length);
    if (!page.continue) {
      this.lists++;
      const problem = this.listProblems.shift();
      if (problem) throw problem;
    } else {
      const problem = this.pageProblems.shift();
      if (problem) throw problem;
    }
    const snapshot = page.continue ? this.snapshots.get(page.continue)! : { items: [...this.objects], resourceVersion: this.resourceVersion };
    const limit = page.limit ?? snapshot.items.length;
    const items = snapshot.items.slice(0, limit);
    const rest = snapshot.items.slice(limit);
    if (rest.length === 0) return { items, resourceVersion: snapshot.resourceVersion };
    const token = `t${this.pages.length}`;
    this.snapshots.set(token, { items: rest, resourceVersion: snapshot.resourceVersion });
    return { items, resourceVersion: snapshot.resourceVersion, continue: token };
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

test('the initial list is paged: the first page shows at once (partial), later pages of the same snapshot join it, then the watch starts from its version', async () => {
  const source = new FakeSource();
  source.objects = Array.from({ length: 12 }, (_, i) => obj(`p${String(i).padStart(2, '0')}`, String(i + 1)));
  source.resourceVersion = '20';
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const seen: { count: number; partial?: boolean; phase: string }[] = [];
  source.beforePage = async (n) => {
    if (n === 1) return;
    if (n === 2) await gate; // hold the second page until the first was seen
    // The cluster moves on between pages: the snapshot must not.
    source.objects = [obj('late', '21')];
    source.resourceVersion = '21';
  };
  const list = new LiveList(source, { ...fast, firstPageSize: 5, pageSize: 4 });
  list.subscribe(() => {
    const s = list.getSnapshot();
    seen.push({ count: s.items.length, partial: s.partial, phase: s.phase });
  });
  list.start();
  await until(() => list.getSnapshot().items.length === 5, 'the first page');
  assert.equal(list.getSnapshot().partial, true);
  assert.equal(list.getSnapshot().phase, 'loading');
  assert.equal(source.watches.length, 0, 'no watch before the last page');
  release();
  await until(() => source.watches.length === 1, 'the watch');
  assert.deepEqual(
    source.pages.map((p) => p.limit),
    [5, 4, 4],
  );
  assert.equal(source.pages[0]!.continue, undefined);
  assert.ok(source.pages[1]!.continue && source.pages[2]!.continue, 'later pages continue the first');
  assert.equal(list.getSnapshot().items.length, 12);
  assert.equal(list.getSnapshot().partial, false);
  assert.equal(list.getSnapshot().phase, 'live');
  assert.equal(source.current.from, '20', 'watches from the snapshot, so changes made while paging arrive as events');
  assert.deepEqual(
    seen.map((s) => s.count),
    [5, 9, 12],
  );
  list.stop();
});

test('an expired continue token (the snapshot was compacted) relists from the first page', async () => {
  const source = new FakeSource();
  source.objects = Array.from({ length: 6 }, (_, i) => obj(`p${i}`, String(i + 1)));
  source.resourceVersion = '6';
  source.pageProblems = [{ code: 'EXPIRED', message: 'the continue token has expired' }];
  const list = new LiveList(source, { ...fast, firstPageSize: 4, pageSize: 4 });
  list.start();
  await until(() => source.watches.length === 1, 'the watch');
  assert.equal(source.lists, 2, 'listed again from the start');
  assert.equal(list.getSnapshot().items.length, 6);
  assert.equal(list.getSnapshot().phase, 'live');
  list.stop();
});

test('a list without a continue token is one page: no partial state', async () => {
  const source = new FakeSource();
  source.objects = [obj('a', '1'), obj('b', '2')];
  const list = new LiveList(source, { ...fast, firstPageSize: 5 });
  const partials: (boolean | undefined)[] = [];
  list.subscribe(() => partials.push(list.getSnapshot().partial));
  list.start();
  await until(() => source.watches.length === 1, 'the watch');
  assert.deepEqual(partials, [false]);
  assert.equal(source.pages.length, 1);
  list.stop();
});

test('with a frame scheduler, events are applied once per animation frame', async () => {
  const frames: (() => void)[] = [];
  const clock = {
    requestAnimationFrame: (cb: () => void) => frames.push(cb),
    cancelAnimationFrame: (handle: number) => {
      frames[handle - 1] = () => {};
    },
  };
  const source = new FakeSource();
  const list = new LiveList(source, { scheduler: frameScheduler(clock, 60_000), retryDelayMs: () => 1 });
  let renders = 0;
  list.subscribe(() => renders++);
  list.start();
  await until(() => source.watches.length === 1, 'the watch');
  renders = 0;
  for (let i = 2; i < 30; i++) source.current.sink.event({ type: 'ADDED', object: obj(`p${i}`, String(i)) });
  assert.equal(renders, 0, 'nothing before the frame');
  assert.equal(frames.length, 1, 'one frame requested for the burst');
  frames[0]!();
  assert.equal(renders, 1);
  assert.equal(list.getSnapshot().items.length, 28);
  source.current.sink.event({ type: 'ADDED', object: obj('next', '40') });
  assert.equal(frames.length, 2, 'the next event asks for the next frame');
  frames[1]!();
  assert.equal(list.getSnapshot().items.length, 29);
  list.stop();
});

test('a hidden tab (no frames) still applies events after the fallback delay', async () => {
  const clock = { requestAnimationFrame: () => 1, cancelAnimationFrame: () => {} };
  const source = new FakeSource();
  const list = new LiveList(source, { scheduler: frameScheduler(clock, 5), retryDelayMs: () => 1 });
  list.start();
  await until(() => source.watches.length === 1, 'the watch');
  source.current.sink.event({ type: 'ADDED', object: obj('a', '3') });
  await until(() => list.getSnapshot().items.length === 1, 'the fallback flush');
  list.stop();
});
