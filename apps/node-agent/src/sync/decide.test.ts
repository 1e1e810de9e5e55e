import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, type DecideInput } from './decide.js';
import { at, exited, pod, records, running } from '../status/test-fixtures.js';
import type { BackoffEntry } from './backoff.js';

const policy = { initialMs: 10_000, maxMs: 300_000 };
function input(spec: Parameters<typeof pod>[0], recs = records(), extra: Partial<DecideInput> = {}): DecideInput {
  return {
    spec: pod(spec).spec,
    pod: { name: 'web', namespace: 'default', uid: 'uid-1' },
    hasSandbox: true,
    records: recs,
    backoff: new Map(),
    now: at(6).getTime(),
    policy,
    ...extra,
  };
}

test('sandbox first', () => {
  assert.deepEqual(decide(input({}, records(), { hasSandbox: false })).actions, [{ type: 'createSandbox' }]);
});

test('app containers all start once the sandbox is there', () => {
  const d = decide(input({ containers: [{ name: 'a' }, { name: 'b' }] }));
  assert.deepEqual(d.actions, [
    { type: 'start', container: 'a', init: false, restartCount: 0 },
    { type: 'start', container: 'b', init: false, restartCount: 0 },
  ]);
  assert.equal(d.finished, false);
});

test('init containers run one at a time, in order, each to success', () => {
  const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
  assert.deepEqual(decide(input(spec)).actions, [{ type: 'start', container: 'i1', init: true, restartCount: 0 }]);
  assert.deepEqual(decide(input(spec, records(running('i1')))).actions, [], 'wait for i1');
  assert.deepEqual(decide(input(spec, records(exited('i1', 0)))).actions, [{ type: 'start', container: 'i2', init: true, restartCount: 0 }]);
  assert.deepEqual(decide(input(spec, records(exited('i1', 0), exited('i2', 0)))).actions, [{ type: 'start', container: 'app', init: false, restartCount: 0 }]);
});

test('a failing init container is retried, except under Never where the pod is finished', () => {
  const spec = { initContainers: [{ name: 'i1' }] };
  const retry = decide(input(spec, records(exited('i1', 1))));
  assert.equal(retry.actions[0]!.type, 'start');
  assert.deepEqual(decide(input({ ...spec, restartPolicy: 'Never' }, records(exited('i1', 1)))), { actions: [], finished: true });
});

test('restart policies decide whether an exited container comes back', () => {
  const restarts = (restartPolicy: 'Always' | 'OnFailure' | 'Never', code: number) => decide(input({ restartPolicy }, records(exited('app', code)))).actions.length > 0;
  assert.equal(restarts('Always', 0), true);
  assert.equal(restarts('Always', 1), true);
  assert.equal(restarts('OnFailure', 0), false);
  assert.equal(restarts('OnFailure', 1), true);
  assert.equal(restarts('Never', 1), false);
  assert.equal(decide(input({ restartPolicy: 'Never' }, records(exited('app', 1)))).finished, true);
  assert.equal(decide(input({ restartPolicy: 'OnFailure' }, records(exited('app', 0)))).finished, true);
});

test('the first restart is immediate and arms a 10 s back-off; the next crash waits it out', () => {
  const first = decide(input({}, records(exited('app', 1))));
  assert.deepEqual(first.actions, [{ type: 'start', container: 'app', init: false, restartCount: 1, backoff: { delayMs: 10_000, lastUpdate: at(5).getTime() } }]);

  const backoff = new Map<string, BackoffEntry>([['app', { delayMs: 10_000, lastUpdate: at(5).getTime() }]]);
  const crashedAgain = exited('app', 1, { restartCount: 1 }, 20);
  const waiting = decide(input({}, records(crashedAgain), { backoff, now: at(25).getTime() }));
  assert.deepEqual(waiting.actions, [
    { type: 'backoff', container: 'app', until: at(30).getTime(), message: 'back-off 10s restarting failed container=app pod=web_default(uid-1)' },
  ]);
  const after = decide(input({}, records(crashedAgain), { backoff, now: at(30).getTime() }));
  assert.deepEqual(after.actions, [{ type: 'start', container: 'app', init: false, restartCount: 2, backoff: { delayMs: 20_000, lastUpdate: at(20).getTime() } }]);
});

test('running containers need nothing', () => {
  assert.deepEqual(decide(input({}, records(running('app')))), { actions: [], finished: false });
});

test('a container stopped for a changed image starts again even where its policy would not restart it', () => {
  const stopped = records(exited('app', 0));
  assert.deepEqual(decide(input({ restartPolicy: 'OnFailure' }, stopped)).actions, []);
  const again = decide(input({ restartPolicy: 'OnFailure' }, stopped, { mustRestart: new Set(['app']) }));
  assert.equal(again.actions[0]!.type, 'start');
});
