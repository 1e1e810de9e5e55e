import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addPage, applyEvents, compareVersions, fromList, type ListState } from './list-state.ts';
import type { WatchEvent } from './types.ts';

interface Pod {
  metadata: { uid: string; name: string; namespace: string; resourceVersion: string };
  status?: { phase: string };
}
const pod = (name: string, resourceVersion: string, phase = 'Pending'): Pod => ({
  metadata: { uid: `uid-${name}`, name, namespace: 'default', resourceVersion },
  status: { phase },
});
const ev = (type: WatchEvent<Pod>['type'], object: Pod): WatchEvent<Pod> => ({ type, object });
const names = (s: ListState<Pod>) => [...s.items.values()].map((p) => `${p.metadata.name}@${p.metadata.resourceVersion}`).sort();

test('resourceVersions compare as numbers, not strings', () => {
  assert.equal(compareVersions('9', '10'), -1);
  assert.equal(compareVersions('100', '100'), 0);
  assert.equal(compareVersions(undefined, '1'), -1);
});

test('events at or below the list resourceVersion are ignored (the watch replays them)', () => {
  const list = fromList([pod('a', '5')], '7');
  const next = applyEvents(list, [ev('ADDED', pod('a', '5')), ev('MODIFIED', pod('b', '7'))]);
  assert.equal(next, list, 'nothing changed: same state object');
});

test('ADDED and MODIFIED add or replace by uid and advance the version', () => {
  const list = fromList([pod('a', '5')], '5');
  const next = applyEvents(list, [ev('ADDED', pod('b', '6')), ev('MODIFIED', pod('a', '8', 'Running'))]);
  assert.deepEqual(names(next), ['a@8', 'b@6']);
  assert.equal(next.items.get('uid-a')?.status?.phase, 'Running');
  assert.equal(next.resourceVersion, '8');
  assert.deepEqual(names(list), ['a@5'], 'the previous state is not mutated');
});

test('duplicate events are applied once', () => {
  const list = fromList<Pod>([], '1');
  const once = applyEvents(list, [ev('ADDED', pod('a', '2'))]);
  const twice = applyEvents(once, [ev('ADDED', pod('a', '2')), ev('MODIFIED', pod('a', '2', 'Running'))]);
  assert.equal(twice, once);
  assert.equal(twice.items.get('uid-a')?.status?.phase, 'Pending');
});

test('out-of-order events never replace a newer copy with an older one', () => {
  const list = fromList<Pod>([], '1');
  const next = applyEvents(list, [ev('MODIFIED', pod('a', '9', 'Running')), ev('MODIFIED', pod('a', '4', 'Pending'))]);
  assert.deepEqual(names(next), ['a@9']);
  assert.equal(next.items.get('uid-a')?.status?.phase, 'Running');
  assert.equal(next.resourceVersion, '9');
});

test('DELETED removes the object by uid', () => {
  const list = fromList([pod('a', '2'), pod('b', '3')], '3');
  const next = applyEvents(list, [ev('DELETED', pod('a', '4'))]);
  assert.deepEqual(names(next), ['b@3']);
  assert.equal(next.resourceVersion, '4');
});

test('a DELETED older than the cached object is ignored (the object was recreated later)', () => {
  const list = fromList([pod('a', '9')], '3');
  const next = applyEvents(list, [ev('DELETED', pod('a', '5'))]);
  assert.deepEqual(names(next), ['a@9']);
});

test('BOOKMARK advances the version without touching items', () => {
  const list = fromList([pod('a', '2')], '2');
  const bookmark = { type: 'BOOKMARK' as const, object: { metadata: { resourceVersion: '40' } } as Pod };
  const next = applyEvents(list, [bookmark]);
  assert.equal(next.resourceVersion, '40');
  assert.equal(next.items, list.items);
  assert.equal(applyEvents(next, [ev('MODIFIED', pod('a', '30'))]), next, 'events below the bookmark are old');
});

test('a later page of the same list joins the cached objects at the list version', () => {
  const first = fromList([pod('a', '2'), pod('b', '3')], '9');
  const next = addPage(first, [pod('c', '4'), pod('d', '8')]);
  assert.deepEqual(names(next), ['a@2', 'b@3', 'c@4', 'd@8']);
  assert.equal(next.resourceVersion, '9');
  assert.deepEqual(names(first), ['a@2', 'b@3'], 'the previous state is not mutated');
  assert.equal(addPage(first, []), first);
});
