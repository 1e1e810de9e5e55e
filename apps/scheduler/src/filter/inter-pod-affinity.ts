import type { CycleContext } from '../context.js';
import type { NodeInfo } from '../node-info.js';
import { requiredTerms, termMatchesPod, type AffinityTerm } from '../pod-affinity-term.js';
import type { Pod } from '@wheelhouse/model';
import { fail, OK, type FilterPlugin } from './filter-plugin.js';

export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

/** Counts per topology pair, keyed `${key}\u0000${value}`. */
type Counts = Map<string, number>;
const pair = (key: string, value: string) => `${key}\u0000${value}`;

interface State {
  readonly affinity: readonly AffinityTerm[];
  readonly antiAffinity: readonly AffinityTerm[];
  readonly affinityCounts: Counts;
  readonly antiAffinityCounts: Counts;
  readonly existingAntiAffinityCounts: Counts;
}

function bump(counts: Counts, info: NodeInfo, topologyKey: string) {
  const labels = info.node.metadata.labels ?? {};
  if (!Object.hasOwn(labels, topologyKey)) return;
  const k = pair(topologyKey, labels[topologyKey]!);
  counts.set(k, (counts.get(k) ?? 0) + 1);
}

// PreFilter: one pass over every pod in the cluster, memoised per cycle and pod.
const memo = new WeakMap<CycleContext, WeakMap<Pod, State>>();
function stateOf(pod: Pod, ctx: CycleContext): State {
  let perPod = memo.get(ctx);
  if (!perPod) {
    perPod = new WeakMap();
    memo.set(ctx, perPod);
  }
  const cached = perPod.get(pod);
  if (cached) return cached;
  const ns = ctx.namespaceLabels ?? {};
  const affinity = requiredTerms(pod.spec?.affinity?.podAffinity, pod);
  const antiAffinity = requiredTerms(pod.spec?.affinity?.podAntiAffinity, pod);
  const state: State = { affinity, antiAffinity, affinityCounts: new Map(), antiAffinityCounts: new Map(), existingAntiAffinityCounts: new Map() };
  // Without terms of its own, only pods with required anti-affinity can refuse this pod.
  const ownTerms = affinity.length > 0 || antiAffinity.length > 0;
  for (const info of ctx.nodeInfos) {
    for (const existing of ownTerms ? info.pods : info.podsWithRequiredAntiAffinity) {
      // An existing pod counts for the incoming pod's affinity only if it matches every term.
      if (affinity.length > 0 && affinity.every((t) => termMatchesPod(t, existing, ns))) {
        for (const t of affinity) bump(state.affinityCounts, info, t.topologyKey);
      }
      for (const t of antiAffinity) if (termMatchesPod(t, existing, ns)) bump(state.antiAffinityCounts, info, t.topologyKey);
      // The existing pod's own required anti-affinity, against the incoming pod.
      for (const t of requiredTerms(existing.spec?.affinity?.podAntiAffinity, existing)) {
        if (termMatchesPod(t, pod, ns)) bump(state.existingAntiAffinityCounts, info, t.topologyKey);
      }
    }
  }
  perPod.set(pod, state);
  return state;
}

function satisfiesAffinity(pod: Pod, state: State, info: NodeInfo, ctx: CycleContext): boolean {
  const labels = info.node.metadata.labels ?? {};
  let podsExist = true;
  for (const t of state.affinity) {
    // All topology labels must exist on the node.
    if (!Object.hasOwn(labels, t.topologyKey)) return false;
    if ((state.affinityCounts.get(pair(t.topologyKey, labels[t.topologyKey]!)) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself: allowed when no pod matches anywhere
  // and the pod matches its own terms.
  return state.affinityCounts.size === 0 && state.affinity.every((t) => termMatchesPod(t, pod, ctx.namespaceLabels ?? {}));
}

function anyCounted(counts: Counts, info: NodeInfo, keys: Iterable<string>): boolean {
  const labels = info.node.metadata.labels ?? {};
  for (const key of keys) {
    if (Object.hasOwn(labels, key) && (counts.get(pair(key, labels[key]!)) ?? 0) > 0) return true;
  }
  return false;
}

/**
 * InterPodAffinity: the pod's required affinity (a matching pod in the node's topology
 * domain for every term), its required anti-affinity (none in the domain), and the
 * required anti-affinity of pods already running (which must not match this pod).
 */
export const interPodAffinity: FilterPlugin = {
  name: 'InterPodAffinity',
  filter(pod, nodeInfo, ctx) {
    const state = stateOf(pod, ctx);
    if (state.affinity.length > 0 && !satisfiesAffinity(pod, state, nodeInfo, ctx)) return fail(ERR_REASON_AFFINITY);
    if (
      state.antiAffinityCounts.size > 0 &&
      anyCounted(
        state.antiAffinityCounts,
        nodeInfo,
        state.antiAffinity.map((t) => t.topologyKey),
      )
    )
      return fail(ERR_REASON_ANTI_AFFINITY);
    if (state.existingAntiAffinityCounts.size > 0 && anyCounted(state.existingAntiAffinityCounts, nodeInfo, Object.keys(nodeInfo.node.metadata.labels ?? {}))) {
      return fail(ERR_REASON_EXISTING_ANTI_AFFINITY);
    }
    return OK;
  },
};
