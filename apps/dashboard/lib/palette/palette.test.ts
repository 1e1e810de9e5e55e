import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesQuery, objectNamesQuery, paletteEntries, type PaletteKind } from './palette.ts';

const kinds: PaletteKind[] = [
  { kind: 'Namespace', title: 'Namespaces', path: 'namespaces', namespaced: false, fields: { list: 'namespaces' } },
  { kind: 'Pod', title: 'Pods', path: 'pods', namespaced: true, fields: { list: 'pods' } },
  { kind: 'Event', title: 'Events', path: 'events', namespaced: true, fields: { list: 'events' } },
];

test('one aliased query lists names of every kind but the noisy ones', () => {
  const q = objectNamesQuery(kinds, 200);
  assert.match(q, /k0: namespaces\(limit: 200\)/);
  assert.match(q, /k1: pods\(namespace: \$namespace, limit: 200\)/);
  assert.doesNotMatch(q, /events/);
});

test('entries link pages, kinds and objects to their dashboard URLs', () => {
  const entries = paletteEntries(kinds, [{ label: 'Topology', href: '/topology' }], {
    k0: { items: [{ metadata: { name: 'prod' } }] },
    k1: { items: [{ metadata: { name: 'web-1', namespace: 'prod' } }, { metadata: { name: null } }] },
  });
  assert.deepEqual(
    entries.map((e) => `${e.group}:${e.label}→${e.href}`),
    ['Pages:Topology→/topology', 'Kinds:Namespaces→/namespaces', 'Kinds:Pods→/pods', 'Kinds:Events→/events', 'Objects:prod→/namespaces/prod', 'Objects:web-1→/pods/prod/web-1'],
  );
});

test('every word of the query must match label, description or keywords', () => {
  const pod = paletteEntries(kinds, [], { k1: { items: [{ metadata: { name: 'web-1', namespace: 'prod' } }] } }).find((e) => e.group === 'Objects');
  assert.ok(matchesQuery(pod!, 'web'));
  assert.ok(matchesQuery(pod!, 'pod WEB prod'));
  assert.ok(!matchesQuery(pod!, 'web staging'));
  assert.ok(matchesQuery(pod!, ''));
});
