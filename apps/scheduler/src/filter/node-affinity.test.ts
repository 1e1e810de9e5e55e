import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import type { Affinity, NodeSelectorTerm } from '@wheelhouse/model';
import type { Labels } from '../types.js';
import { nodeAffinity } from './node-affinity.js';

const required = (nodeSelectorTerms: NodeSelectorTerm[]): Affinity => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms } } });
const REASON = "node(s) didn't match Pod's node affinity/selector";

// node_affinity_test.go TestNodeAffinity
const cases: { name: string; nodeSelector?: Labels; affinity?: Affinity; labels?: Labels; nodeName?: string; ok: boolean }[] = [
  { name: 'no selector', ok: true },
  { name: 'missing labels', nodeSelector: { foo: 'bar' }, ok: false },
  { name: 'same labels', nodeSelector: { foo: 'bar' }, labels: { foo: 'bar' }, ok: true },
  { name: 'node labels are superset', nodeSelector: { foo: 'bar' }, labels: { foo: 'bar', baz: 'blah' }, ok: true },
  { name: 'node labels are subset', nodeSelector: { foo: 'bar', baz: 'blah' }, labels: { foo: 'bar' }, ok: false },
  {
    name: 'Pod with matchExpressions using In operator that matches the existing node',
    affinity: required([{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }]),
    labels: { foo: 'bar' },
    ok: true,
  },
  {
    name: 'Pod with matchExpressions using Gt operator that matches the existing node',
    affinity: required([{ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['0204'] }] }]),
    labels: { 'kernel-version': '0206' },
    ok: true,
  },
  {
    name: 'Lt operator that does not match',
    affinity: required([{ matchExpressions: [{ key: 'kernel-version', operator: 'Lt', values: ['0204'] }] }]),
    labels: { 'kernel-version': '0206' },
    ok: false,
  },
  {
    name: 'Gt with a non-integer label value does not match',
    affinity: required([{ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['1'] }] }]),
    labels: { 'kernel-version': 'v2' },
    ok: false,
  },
  {
    name: 'Pod with matchExpressions using NotIn operator that matches the existing node',
    affinity: required([{ matchExpressions: [{ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] }] }]),
    labels: { 'mem-type': 'DDR3' },
    ok: true,
  },
  {
    name: 'Pod with matchExpressions using Exists operator that matches the existing node',
    affinity: required([{ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] }]),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    ok: true,
  },
  {
    name: 'DoesNotExist matches a node without the label',
    affinity: required([{ matchExpressions: [{ key: 'GPU', operator: 'DoesNotExist' }] }]),
    labels: { foo: 'bar' },
    ok: true,
  },
  {
    name: "Pod with affinity that don't match node's labels won't schedule onto the node",
    affinity: required([{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1', 'value2'] }] }]),
    labels: { foo: 'bar' },
    ok: false,
  },
  { name: "Pod with an empty []NodeSelectorTerm in affinity, can't match the node's labels", affinity: required([]), labels: { foo: 'bar' }, ok: false },
  {
    name: "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
    affinity: required([{ matchExpressions: [] }]),
    labels: { foo: 'bar' },
    ok: false,
  },
  { name: 'Pod with Affinity but nil NodeSelector will schedule onto a node', affinity: { nodeAffinity: {} }, labels: { foo: 'bar' }, ok: true },
  {
    name: 'Pod with multiple matchExpressions ANDed that matches the existing node',
    affinity: required([
      {
        matchExpressions: [
          { key: 'GPU', operator: 'Exists' },
          { key: 'GPU', operator: 'NotIn', values: ['AMD', 'INTER'] },
        ],
      },
    ]),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    ok: true,
  },
  {
    name: "Pod with multiple matchExpressions ANDed that doesn't match the existing node",
    affinity: required([
      {
        matchExpressions: [
          { key: 'GPU', operator: 'Exists' },
          { key: 'GPU', operator: 'In', values: ['AMD', 'INTER'] },
        ],
      },
    ]),
    labels: { GPU: 'NVIDIA-GRID-K1' },
    ok: false,
  },
  {
    name: "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
    affinity: required([
      { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] },
      { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] },
    ]),
    labels: { foo: 'bar' },
    ok: true,
  },
  {
    name: 'Pod with an Affinity and a PodSpec.NodeSelector both are satisfied',
    nodeSelector: { foo: 'bar' },
    affinity: required([{ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }]),
    labels: { foo: 'bar' },
    ok: true,
  },
  {
    name: "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector is not satisfied",
    nodeSelector: { foo: 'bar' },
    affinity: required([{ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }]),
    labels: { foo: 'barrrrrr' },
    ok: false,
  },
  {
    name: 'Pod with matchFields using In operator that matches the existing node',
    affinity: required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }] }]),
    nodeName: 'node_1',
    ok: true,
  },
  {
    name: 'Pod with matchFields using In operator that does not match the existing node',
    affinity: required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }] }]),
    nodeName: 'node_2',
    ok: false,
  },
  {
    name: 'Pod with two terms: matchFields does not match, but matchExpressions matches',
    affinity: required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }] }, { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }]),
    nodeName: 'node_2',
    labels: { foo: 'bar' },
    ok: true,
  },
  {
    name: 'Pod with one term: matchFields does not match, but matchExpressions matches',
    affinity: required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }], matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }]),
    nodeName: 'node_2',
    labels: { foo: 'bar' },
    ok: false,
  },
  {
    name: 'Pod with one term: both matchFields and matchExpressions match',
    affinity: required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }], matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] }]),
    nodeName: 'node_1',
    labels: { foo: 'bar' },
    ok: true,
  },
  {
    name: 'Pod with two terms: both matchFields and matchExpressions do not match',
    affinity: required([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node_1'] }] },
      { matchExpressions: [{ key: 'foo', operator: 'In', values: ['not-match-to-bar'] }] },
    ]),
    nodeName: 'node_2',
    labels: { foo: 'bar' },
    ok: false,
  },
  {
    name: 'matchFields NotIn excludes the named node',
    affinity: required([{ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['node_1'] }] }]),
    nodeName: 'node_1',
    ok: false,
  },
];

for (const c of cases) {
  test(`NodeAffinity filter: ${c.name}`, () => {
    const node = info(c.nodeName ?? 'n', c.labels ? { labels: c.labels } : {});
    const pod = makePod('p', { ...(c.nodeSelector ? { nodeSelector: c.nodeSelector } : {}), ...(c.affinity ? { affinity: c.affinity } : {}) });
    assert.deepEqual(nodeAffinity.filter(pod, node, ctxOf([node])), c.ok ? { ok: true } : { ok: false, reason: REASON });
  });
}
