import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import type { Affinity, PodAffinityTerm } from '@wheelhouse/model';
import type { Labels } from '../types.js';
import { interPodAffinityScore, interPodAffinityScorer } from './inter-pod-affinity.js';
import { runScorePlugin, type ScorePlugin } from './score-plugin.js';

const term = (value: string, topologyKey: string): PodAffinityTerm => ({
  labelSelector: { matchExpressions: [{ key: 'security', operator: 'In', values: [value] }] },
  topologyKey,
});
const preferAffinity = (weight: number, t: PodAffinityTerm): Affinity => ({ podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: t }] } });
const preferAnti = (weight: number, t: PodAffinityTerm): Affinity => ({ podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: t }] } });
const requireAffinity = (t: PodAffinityTerm): Affinity => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [t] } });

const labelRgChina = { region: 'China' };
const labelRgIndia = { region: 'India' };
const labelAzAz1 = { az: 'az1' };
const labelRgChinaAzAz1 = { region: 'China', az: 'az1' };
const S1 = { security: 'S1' };
const S2 = { security: 'S2' };

type Existing = { on: string; labels: Labels; affinity?: Affinity };
// scoring_test.go TestPreferredAffinity
const cases: { name: string; pod: { labels?: Labels; affinity?: Affinity }; nodes: [string, Labels][]; existing: Existing[]; want: number[] | 'skip'; plugin?: ScorePlugin }[] = [
  {
    name: 'all nodes have same score as there are no affinity terms (skipped)',
    pod: { labels: S1 },
    nodes: [
      ['node1', labelRgChina],
      ['node2', labelRgIndia],
      ['node3', labelAzAz1],
    ],
    existing: [{ on: 'node1', labels: S1 }],
    want: 'skip',
  },
  {
    name: "Affinity: pod that matches topology key & pods in nodes will get high score comparing to others which doesn't match either pods in nodes or in topology key",
    pod: { affinity: preferAffinity(5, term('S1', 'region')) },
    nodes: [
      ['node1', labelRgChina],
      ['node2', labelRgIndia],
      ['node3', labelAzAz1],
    ],
    existing: [
      { on: 'node1', labels: S1 },
      { on: 'node2', labels: S2 },
    ],
    want: [100, 0, 0],
  },
  {
    name: 'All the nodes that have the same topology key & label value with one of them has an existing pod that match the affinity rules, have the same score',
    pod: { affinity: preferAffinity(5, term('S1', 'region')) },
    nodes: [
      ['node1', labelRgChina],
      ['node2', labelRgChinaAzAz1],
      ['node3', labelRgIndia],
    ],
    existing: [{ on: 'node1', labels: S1 }],
    want: [100, 100, 0],
  },
  {
    name: 'Anti Affinity: pod that does not match existing pods in node will get high score',
    pod: { affinity: preferAnti(5, term('S1', 'region')) },
    nodes: [
      ['node1', labelRgChina],
      ['node2', labelRgIndia],
    ],
    existing: [
      { on: 'node1', labels: S1 },
      { on: 'node2', labels: S2 },
    ],
    want: [0, 100],
  },
  {
    name: 'Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
    pod: { labels: S1 },
    nodes: [
      ['node1', labelRgChina],
      ['node2', labelRgIndia],
      ['node3', labelAzAz1],
    ],
    existing: [{ on: 'node1', labels: S2, affinity: preferAffinity(5, term('S1', 'region')) }],
    want: [100, 0, 0],
  },
  {
    name: 'Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry (hardPodAffinityWeight 1)',
    pod: { labels: S1 },
    nodes: [
      ['node1', labelRgChina],
      ['node2', labelRgIndia],
      ['node3', labelAzAz1],
    ],
    existing: [{ on: 'node1', labels: S2, affinity: requireAffinity(term('S1', 'region')) }],
    want: [100, 0, 0],
  },
  {
    name: "hardPodAffinityWeight 0 ignores existing pods' required affinity",
    pod: { labels: S1 },
    nodes: [
      ['node1', labelRgChina],
      ['node2', labelRgIndia],
    ],
    existing: [{ on: 'node1', labels: S2, affinity: requireAffinity(term('S1', 'region')) }],
    want: 'skip',
    plugin: interPodAffinityScorer(0),
  },
  {
    name: 'Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score',
    pod: { labels: S1 },
    nodes: [
      ['node1', labelRgChina],
      ['node2', labelRgIndia],
    ],
    existing: [
      { on: 'node1', labels: S2, affinity: preferAnti(5, term('S1', 'region')) },
      { on: 'node2', labels: S2 },
    ],
    want: [0, 100],
  },
  {
    name: 'mixed positive and negative totals are scaled from min to max',
    pod: { labels: S1, affinity: { ...preferAffinity(5, term('S1', 'region')), ...preferAnti(3, term('S2', 'region')) } },
    nodes: [
      ['node1', labelRgChina],
      ['node2', labelRgIndia],
      ['node3', labelAzAz1],
    ],
    existing: [
      { on: 'node1', labels: S1 },
      { on: 'node2', labels: S2 },
    ],
    // raw: node1 +5, node2 -3, node3 0 → (0+3)/8*100 = 37
    want: [100, 0, 37],
  },
];

for (const c of cases) {
  test(`InterPodAffinity score: ${c.name}`, () => {
    const infos = c.nodes.map(([name, labels]) =>
      info(
        name,
        { labels },
        c.existing.filter((e) => e.on === name).map((e, i) => makePod(`${name}-${i}`, { nodeName: name, labels: e.labels, ...(e.affinity ? { affinity: e.affinity } : {}) })),
      ),
    );
    const ctx = ctxOf(infos);
    const plugin = c.plugin ?? interPodAffinityScore;
    const pod = makePod('p', { ...(c.pod.labels ? { labels: c.pod.labels } : {}), ...(c.pod.affinity ? { affinity: c.pod.affinity } : {}) });
    if (c.want === 'skip') assert.equal(plugin.skip!(pod, ctx), true);
    else {
      assert.equal(plugin.skip!(pod, ctx), false);
      assert.deepEqual(runScorePlugin(plugin, pod, infos, ctx), c.want);
    }
  });
}
