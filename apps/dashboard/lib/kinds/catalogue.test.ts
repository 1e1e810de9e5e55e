// Walks the kind catalogue: every kind must have its API operations, its printer columns
// and its dashboard list. Adding a kind to KIND_CATALOGUE without them fails here, and the
// message says exactly what to add.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KIND_CATALOGUE, KIND_LIST } from '@wheelhouse/model';
import { PRINTERS } from '@wheelhouse/printers';
import { GENERATED_OPERATIONS, missingPieces } from './catalogue-coverage.ts';
import { kindTitle, listKind } from './list-kind.ts';
import { DASHBOARD_KINDS, KINDS } from './registry.ts';

const registries = { operations: GENERATED_OPERATIONS, printers: PRINTERS, dashboard: DASHBOARD_KINDS };

test('every kind of the catalogue has its API operations, printer columns and dashboard list', () => {
  assert.ok(KIND_LIST.length >= 8);
  const problems = KIND_LIST.flatMap((k) => missingPieces(k, registries));
  assert.deepEqual(problems, [], `\n${problems.join('\n\n')}\n`);
});

test('the dashboard navigation follows the catalogue order', () => {
  assert.deepEqual(
    KINDS.map((k) => k.kind),
    KIND_LIST.map((k) => k.kind),
  );
});

test('a kind the catalogue gains without the rest is reported with what to add', () => {
  const widget = { ...KIND_CATALOGUE.Lease, kind: 'Widget', singular: 'widget', plural: 'widgets', resource: 'widgets', group: '', version: 'v1', apiVersion: 'v1' };
  assert.deepEqual(missingPieces(widget, registries), [
    'Widget: the API has no query widget, query widgets, subscription watchWidgets, mutation createWidget, mutation replaceWidget, mutation patchWidget, mutation deleteWidget (libs/model/src/generated/operations.ts). Add its module under apps/api/src/modules/widget/ (apps/api/src/modules/lease/ is the smallest example), list it in apps/api/src/schema.ts and run `npm run schema`.',
    "Widget: no printer columns. Add to PRINTERS in libs/printers/src/columns.ts kubectl's columns for it (pkg/printers/internalversion/printers.go), e.g.\n  Widget: { columns: [nameColumn, /* kubectl's own columns */ ageColumn] },",
    "Widget: no dashboard list. Add to DASHBOARD_KINDS in apps/dashboard/lib/kinds/registry.ts:\n  Widget: listKind('Widget'),",
  ]);
  // A scalable kind with a status also needs those operations; a dashboard entry must agree with the catalogue.
  const scaled = { ...KIND_CATALOGUE.Deployment, kind: 'StatefulSet', singular: 'statefulSet', plural: 'statefulSets', resource: 'statefulsets' };
  assert.match(missingPieces(scaled, registries)[0]!, /mutation patchStatefulSetStatus, mutation scaleStatefulSet \(/);
  const wrong = { ...registries, dashboard: { ...DASHBOARD_KINDS, Lease: { ...listKind('Lease'), path: 'lease' } } };
  assert.match(missingPieces(KIND_CATALOGUE.Lease, wrong)[0]!, /Lease: its dashboard list disagrees with the catalogue/);
});

test('list titles: the kind with its resource plural', () => {
  const cases: [string, string, string, string][] = [
    ['ReplicaSet', 'replicasets', 'replicaSets', 'ReplicaSets'],
    ['Endpoints', 'endpoints', 'endpointsList', 'Endpoints'],
    ['EndpointSlice', 'endpointslices', 'endpointSlices', 'EndpointSlices'],
    ['Ingress', 'ingresses', 'ingresses', 'Ingresses'],
    ['NetworkPolicy', 'networkpolicies', 'networkPolicies', 'NetworkPolicies'],
  ];
  for (const [kind, resource, plural, title] of cases) assert.equal(kindTitle({ kind, resource, plural }), title);
});

test('listKind learns title, path, scope, fields and the scale action from the catalogue', () => {
  const rs = listKind('ReplicaSet');
  assert.deepEqual(
    [rs.title, rs.path, rs.namespaced, rs.fields, rs.actions],
    ['ReplicaSets', 'replicasets', true, { get: 'replicaSet', list: 'replicaSets', watch: 'watchReplicaSets' }, { scale: 'scaleReplicaSet' }],
  );
  assert.equal(listKind('Node').namespaced, false);
  assert.deepEqual(
    listKind('Lease').columns.map((c) => c.header),
    ['Holder', 'Age'],
  );
});
