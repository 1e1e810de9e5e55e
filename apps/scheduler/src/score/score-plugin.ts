import type { CycleContext } from '../context.js';
import type { NodeInfo } from '../node-info.js';
import type { Pod } from '@wheelhouse/model';

export const MAX_NODE_SCORE = 100;

/**
 * A rank stage. `score` gives a raw score per feasible node; `normalize` (when present)
 * maps the raw scores of all feasible nodes onto 0..100. `skip` is PreScore's Skip: the
 * plugin then scores no node for this pod.
 */
export interface ScorePlugin {
  readonly name: string;
  /** kube-scheduler's default weight in the default profile. */
  readonly defaultWeight: number;
  skip?(pod: Pod, ctx: CycleContext): boolean;
  score(pod: Pod, nodeInfo: NodeInfo, ctx: CycleContext): number;
  normalize?(scores: readonly number[]): number[];
}

/**
 * helper.DefaultNormalizeScore: scale so the highest becomes 100 (integer division);
 * `reverse` turns it into 100 - score. All zeros stay 0 (or all 100 when reversed).
 */
export function defaultNormalizeScore(scores: readonly number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}

/** Scores every node with `plugin` and normalises them, as the framework does (no weight applied). */
export function runScorePlugin(plugin: ScorePlugin, pod: Pod, infos: readonly NodeInfo[], ctx: CycleContext): number[] {
  const raw = infos.map((info) => plugin.score(pod, info, ctx));
  return plugin.normalize ? plugin.normalize(raw) : raw;
}
