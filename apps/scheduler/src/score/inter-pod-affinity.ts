import type { CycleContext } from '../context.js';
import { preferredTerms, requiredTerms, termMatchesPod, type AffinityTerm } from '../pod-affinity-term.js';
import type { Pod } from '@wheelhouse/model';
import { MAX_NODE_SCORE, type ScorePlugin } from './score-plugin.js';

/** topologyKey → topology value → summed weight. */
type TopologyScore = Map<string, Map<string, number>>;

function topologyScore(pod: Pod, ctx: CycleContext, hardPodAffinityWeight: number): TopologyScore {
  const scores: TopologyScore = new Map();
  const ns = ctx.namespaceLabels ?? {};
  const preferredAffinity = preferredTerms(pod.spec?.affinity?.podAffinity, pod);
  const preferredAnti = preferredTerms(pod.spec?.affinity?.podAntiAffinity, pod);
  // Without preferences of its own, only pods with (anti-)affinity terms can score this pod.
  const ownTerms = preferredAffinity.length > 0 || preferredAnti.length > 0;
  for (const info of ctx.nodeInfos) {
    const labels = info.node.metadata.labels ?? {};
    const add = (term: AffinityTerm, weight: number, target: Pod) => {
      if (!Object.hasOwn(labels, term.topologyKey) || !termMatchesPod(term, target, ns)) return;
      const values = scores.get(term.topologyKey) ?? new Map<string, number>();
      const value = labels[term.topologyKey]!;
      values.set(value, (values.get(value) ?? 0) + weight);
      scores.set(term.topologyKey, values);
    };
    for (const existing of ownTerms ? info.pods : info.podsWithAffinity) {
      // The incoming pod's preferences about the existing pod…
      for (const t of preferredAffinity) add(t, t.weight, existing);
      for (const t of preferredAnti) add(t, -t.weight, existing);
      // …and the existing pod's about the incoming one (its hard affinity counts hardPodAffinityWeight).
      const affinity = existing.spec?.affinity;
      if (hardPodAffinityWeight > 0) for (const t of requiredTerms(affinity?.podAffinity, existing)) add(t, hardPodAffinityWeight, pod);
      for (const t of preferredTerms(affinity?.podAffinity, existing)) add(t, t.weight, pod);
      for (const t of preferredTerms(affinity?.podAntiAffinity, existing)) add(t, -t.weight, pod);
    }
  }
  return scores;
}

/**
 * InterPodAffinity (score): sum, over the node's topology domains, the weights of preferred
 * affinity (+) and anti-affinity (−) terms between the pod and the pods already placed,
 * in both directions; then scale min..max onto 0..100.
 */
export function interPodAffinityScorer(hardPodAffinityWeight = 1): ScorePlugin {
  const memo = new WeakMap<CycleContext, WeakMap<Pod, TopologyScore>>();
  const stateOf = (pod: Pod, ctx: CycleContext) => {
    let perPod = memo.get(ctx);
    if (!perPod) {
      perPod = new WeakMap();
      memo.set(ctx, perPod);
    }
    let state = perPod.get(pod);
    if (!state) {
      state = topologyScore(pod, ctx, hardPodAffinityWeight);
      perPod.set(pod, state);
    }
    return state;
  };
  return {
    name: 'InterPodAffinity',
    defaultWeight: 2,
    skip: (pod, ctx) => stateOf(pod, ctx).size === 0,
    score(pod, nodeInfo, ctx) {
      const labels = nodeInfo.node.metadata.labels ?? {};
      let score = 0;
      for (const [key, values] of stateOf(pod, ctx)) {
        if (Object.hasOwn(labels, key)) score += values.get(labels[key]!) ?? 0;
      }
      return score;
    },
    normalize(scores) {
      if (scores.length === 0) return [];
      const min = Math.min(...scores);
      const diff = Math.max(...scores) - min;
      return scores.map((s) => (diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((s - min) / diff)) : 0));
    },
  };
}

export const interPodAffinityScore: ScorePlugin = interPodAffinityScorer();
