// Cases after apimachinery's strategicpatch tests (patch_test.go: merging lists by key,
// $patch directives, primitive lists) on the Kubernetes types' merge keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strategicMerge } from './strategic-merge.js';
import { mergePatchBetween } from './merge-patch-between.js';

const pod = {
  spec: {
    containers: [
      { name: 'app', image: 'nginx:1.26', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] },
      { name: 'sidecar', image: 'busybox' },
    ],
    tolerations: [{ key: 'a', operator: 'Exists' }],
  },
  metadata: { finalizers: ['x'] },
};

const cases: { name: string; patch: unknown; expect: (r: typeof pod) => unknown; want: unknown }[] = [
  {
    name: 'a container is merged by name, the others stay',
    patch: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    expect: (r) => r.spec.containers.map((c) => c.image),
    want: ['nginx:1.27', 'busybox'],
  },
  {
    name: 'an unknown container name is appended',
    patch: { spec: { containers: [{ name: 'new', image: 'redis' }] } },
    expect: (r) => r.spec.containers.map((c) => c.name),
    want: ['app', 'sidecar', 'new'],
  },
  {
    name: '$patch: delete removes the keyed item',
    patch: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } },
    expect: (r) => r.spec.containers.map((c) => c.name),
    want: ['app'],
  },
  {
    name: 'nested env merges by name inside the merged container',
    patch: { spec: { containers: [{ name: 'app', env: [{ name: 'B', value: '2' }] }] } },
    expect: (r) => r.spec.containers[0]!.env,
    want: [
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ],
  },
  {
    name: 'container ports merge by containerPort',
    patch: { spec: { containers: [{ name: 'app', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] }] } },
    expect: (r) => r.spec.containers[0]!.ports,
    want: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }],
  },
  {
    name: 'a list without a merge key is replaced',
    patch: { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } },
    expect: (r) => r.spec.tolerations,
    want: [{ key: 'b', operator: 'Exists' }],
  },
  { name: 'finalizers merge as a set', patch: { metadata: { finalizers: ['x', 'y'] } }, expect: (r) => r.metadata.finalizers, want: ['x', 'y'] },
  {
    name: '$deleteFromPrimitiveList removes values',
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['x'] } },
    expect: (r) => r.metadata.finalizers,
    want: [],
  },
  {
    name: 'a list-level $patch: replace sets exactly the given items',
    patch: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } },
    expect: (r) => r.spec.containers,
    want: [{ name: 'only', image: 'x' }],
  },
  { name: 'null deletes a field', patch: { spec: { tolerations: null } }, expect: (r) => 'tolerations' in r.spec, want: false },
  { name: 'a map-level $patch: replace replaces the map', patch: { metadata: { $patch: 'replace', name: 'n' } }, expect: (r) => r.metadata, want: { name: 'n' } },
];

for (const c of cases) {
  test(`strategic merge: ${c.name}`, () => {
    const before = JSON.stringify(pod);
    assert.deepEqual(c.expect(strategicMerge(pod, c.patch) as typeof pod), c.want);
    assert.equal(JSON.stringify(pod), before, 'the original is not modified');
  });
}

test('a Service port list merges by port', () => {
  const svc = { spec: { ports: [{ port: 80, targetPort: 8080 }] } };
  assert.deepEqual(strategicMerge(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } }), { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } });
});

test('merge patch between two objects: changed, removed and nested keys; none when equal', () => {
  assert.deepEqual(mergePatchBetween({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { a: 1, b: { c: 4 }, e: [1, 2], f: 'x' }), { b: { c: 4, d: null }, e: [1, 2], f: 'x' });
  assert.deepEqual(mergePatchBetween({ a: { b: [1] } }, { a: { b: [1] } }), {});
});
