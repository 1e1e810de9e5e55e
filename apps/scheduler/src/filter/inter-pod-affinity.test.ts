import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctxOf, info, makePod } from '../test-fixtures.js';
import type { Affinity, PodAffinityTerm } from '@wheelhouse/model';
import type { Labels } from '../types.js';
import type { NodeInfo } from '../node-info.js';
import { interPodAffinity } from './inter-pod-affinity.js';

const AFF = "node(s) didn't match pod affinity rules";
const ANTI = "node(s) didn't match pod anti-affinity rules";
const EXISTING = "node(s) didn't satisfy existing pods anti-affinity rules";

const term = (key: string, operator: 'In' | 'NotIn' | 'Exists', values: string[], topologyKey: string, extra: Partial<PodAffinityTerm> = {}): PodAffinityTerm => ({
  labelSelector: { matchExpressions: [{ key, operator, values }] },
  topologyKey,
  ...extra,
});
const affinity = (...terms: PodAffinityTerm[]): Affinity => ({ podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } });
const anti = (...terms: PodAffinityTerm[]): Affinity => ({ podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: terms } });

// Three nodes in two regions and three zones (filtering_test.go TestRequiredAffinityMultipleNodes layout).
const topology: Record<string, Labels> = {
  machine1: { region: 'r1', zone: 'z11' },
  machine2: { region: 'r1', zone: 'z12' },
  machine3: { region: 'r2', zone: 'z21' },
};
function cluster(existing: { on: string; labels: Labels; affinity?: Affinity; namespace?: string }[]): NodeInfo[] {
  return Object.entries(topology).map(([name, labels]) =>
    info(
      name,
      { labels },
      existing
        .filter((e) => e.on === name)
        .map((e, i) => makePod(`e${i}`, { nodeName: name, labels: e.labels, ...(e.affinity ? { affinity: e.affinity } : {}), ...(e.namespace ? { namespace: e.namespace } : {}) })),
    ),
  );
}

const cases: {
  name: string;
  pod: { labels?: Labels; affinity?: Affinity; namespace?: string };
  existing: { on: string; labels: Labels; affinity?: Affinity; namespace?: string }[];
  want: Record<string, string | null>;
}[] = [
  {
    name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods',
    pod: {},
    existing: [],
    want: { machine1: null, machine2: null, machine3: null },
  },
  {
    name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
    pod: { affinity: affinity(term('service', 'In', ['securityscan', 'value2'], 'region')) },
    existing: [{ on: 'machine1', labels: { service: 'securityscan' } }],
    want: { machine1: null, machine2: null, machine3: AFF },
  },
  {
    name: "doesn't satisfy with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using NotIn operator against the only existing pod",
    // Labelled so it does not match its own term either (otherwise the self-affinity rule lets it in).
    pod: { labels: { service: 'securityscan' }, affinity: affinity(term('service', 'NotIn', ['securityscan', 'value2'], 'region')) },
    existing: [{ on: 'machine1', labels: { service: 'securityscan' } }],
    want: { machine1: AFF, machine2: AFF, machine3: AFF },
  },
  {
    name: 'a matching pod in another namespace does not satisfy affinity',
    pod: { affinity: affinity(term('service', 'In', ['securityscan'], 'region')) },
    existing: [
      { on: 'machine1', labels: { service: 'securityscan' }, namespace: 'other' },
      { on: 'machine3', labels: { x: 'y' } },
    ],
    want: { machine1: AFF, machine2: AFF, machine3: AFF },
  },
  {
    name: 'listing the namespace makes it count',
    pod: { affinity: affinity(term('service', 'In', ['securityscan'], 'region', { namespaces: ['other'] })) },
    existing: [{ on: 'machine1', labels: { service: 'securityscan' }, namespace: 'other' }],
    want: { machine1: null, machine2: null, machine3: AFF },
  },
  {
    name: 'verify that PodAffinity works correctly when the pod has affinity to itself and no other pods match',
    pod: { labels: { service: 'securityscan' }, affinity: affinity(term('service', 'In', ['securityscan'], 'region')) },
    existing: [{ on: 'machine2', labels: { service: 'other' } }],
    want: { machine1: null, machine2: null, machine3: null },
  },
  {
    name: 'self-affinity does not apply once some pod matches elsewhere',
    pod: { labels: { service: 'securityscan' }, affinity: affinity(term('service', 'In', ['securityscan'], 'region')) },
    existing: [{ on: 'machine3', labels: { service: 'securityscan' } }],
    want: { machine1: AFF, machine2: AFF, machine3: null },
  },
  {
    name: 'a node without the topology key never satisfies affinity',
    pod: { labels: { service: 'securityscan' }, affinity: affinity(term('service', 'In', ['securityscan'], 'rack')) },
    existing: [],
    want: { machine1: AFF, machine2: AFF, machine3: AFF },
  },
  {
    name: "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod (same zone)",
    pod: { affinity: { ...affinity(term('service', 'In', ['securityscan'], 'region')), ...anti(term('service', 'In', ['securityscan'], 'zone')) } },
    existing: [{ on: 'machine1', labels: { service: 'securityscan' } }],
    want: { machine1: ANTI, machine2: null, machine3: AFF },
  },
  {
    name: 'anti-affinity by region excludes the whole region',
    pod: { affinity: anti(term('app', 'Exists', [], 'region')) },
    existing: [{ on: 'machine2', labels: { app: 'db' } }],
    want: { machine1: ANTI, machine2: ANTI, machine3: null },
  },
  {
    name: "satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod",
    pod: { labels: { service: 'securityscan' } },
    existing: [{ on: 'machine1', labels: { app: 'x' }, affinity: anti(term('service', 'In', ['securityscan'], 'zone')) }],
    want: { machine1: EXISTING, machine2: null, machine3: null },
  },
  {
    name: 'existing anti-affinity by region blocks every node of the region',
    pod: { labels: { service: 'securityscan' } },
    existing: [{ on: 'machine1', labels: { app: 'x' }, affinity: anti(term('service', 'In', ['securityscan'], 'region')) }],
    want: { machine1: EXISTING, machine2: EXISTING, machine3: null },
  },
];

for (const c of cases) {
  test(`InterPodAffinity filter: ${c.name}`, () => {
    const infos = cluster(c.existing);
    const ctx = ctxOf(infos);
    const pod = makePod('incoming', { ...(c.pod.labels ? { labels: c.pod.labels } : {}), ...(c.pod.affinity ? { affinity: c.pod.affinity } : {}) });
    const got = Object.fromEntries(
      infos.map((i) => {
        const r = interPodAffinity.filter(pod, i, ctx);
        return [i.name, r.ok ? null : r.reason];
      }),
    );
    assert.deepEqual(got, c.want);
  });
}
