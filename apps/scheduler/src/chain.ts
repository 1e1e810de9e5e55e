// The scheduling chain: feasibility filters in order (cheap and local first, cross-node
// last), then rank stages on the survivors, then the pick. Mirrors kube-scheduler's
// default profile; the order of the filters decides which reason a node reports.
import type { CycleContext } from './context.js';
import { reasonsOf, type FilterPlugin, type FilterResult } from './filter/filter-plugin.js';
import { interPodAffinity } from './filter/inter-pod-affinity.js';
import { nodeAffinity } from './filter/node-affinity.js';
import { nodeName } from './filter/node-name.js';
import { nodeResourcesFit } from './filter/node-resources-fit.js';
import { nodeUnschedulable } from './filter/node-unschedulable.js';
import { taintToleration } from './filter/taint-toleration.js';
import { volumeBinding, type VolumeListers } from './filter/volume-binding.js';
import { unschedulableMessage } from './message.js';
import { numFeasibleNodesToFind } from './nodes-to-find.js';
import type { NodeInfo } from './node-info.js';
import type { NamespaceLabels } from './pod-affinity-term.js';
import { imageLocality } from './score/image-locality.js';
import { interPodAffinityScore } from './score/inter-pod-affinity.js';
import { nodeAffinityScore } from './score/node-affinity.js';
import { nodeResourcesBalancedAllocation } from './score/node-resources-balanced-allocation.js';
import { nodeResourcesLeastAllocated } from './score/node-resources-least-allocated.js';
import { runScorePlugin, type ScorePlugin } from './score/score-plugin.js';
import { taintTolerationScore } from './score/taint-toleration.js';
import type { Pod } from '@wheelhouse/model';

export const DEFAULT_FILTERS: readonly FilterPlugin[] = [
  // 1. Cordoned nodes: one boolean on the node.
  nodeUnschedulable,
  // 2. A pod pinned to a node by name.
  nodeName,
  // 3. NoSchedule / NoExecute taints, including not-ready and pressure taints.
  taintToleration,
  // 4. spec.nodeSelector and required node affinity: node labels only.
  nodeAffinity,
  // 5. cpu, memory and pod count against allocatable minus what is already requested.
  nodeResourcesFit,
  // 6. The pod's claims: their volumes' node affinity, or somewhere to bind or provision them.
  volumeBinding,
  // 7. Required inter-pod affinity / anti-affinity: needs every pod in the cluster, so last.
  interPodAffinity,
];

export const DEFAULT_SCORES: readonly ScorePlugin[] = [
  // Spread load: emptier nodes first.
  nodeResourcesLeastAllocated,
  // Keep cpu and memory usage in proportion.
  nodeResourcesBalancedAllocation,
  // Preferred node affinity, by term weight.
  nodeAffinityScore,
  // Fewer untolerated PreferNoSchedule taints.
  taintTolerationScore,
  // Preferred pod affinity / anti-affinity, both directions.
  interPodAffinityScore,
  // Nodes that already hold the pod's images (weighted by how widely they are spread).
  imageLocality,
];

export interface SchedulerConfig {
  readonly filters?: readonly FilterPlugin[];
  readonly scores?: readonly ScorePlugin[];
  /** Score weight by plugin name; a plugin not named keeps its defaultWeight (0 disables it). */
  readonly weights?: Readonly<Record<string, number>>;
  /** Break ties among the best nodes with this seed; without it the first by name wins. */
  readonly seed?: number;
  readonly namespaceLabels?: NamespaceLabels;
  readonly volumes?: VolumeListers;
  /** kube-scheduler's percentageOfNodesToScore: 0 or undefined is adaptive, 100 checks every node. */
  readonly percentageOfNodesToScore?: number;
}

export type ScheduleResult =
  | {
      readonly node: string;
      readonly score: number;
      /** Nodes filtered this cycle: the caller's next start index moves on by this many. */
      readonly evaluated: number;
    }
  | {
      readonly unschedulable: true;
      readonly evaluated: number;
      readonly message: string;
      /** Node name → the reasons it was filtered out. */
      readonly filtered: ReadonlyMap<string, readonly string[]>;
    };

/** Node name → weighted total, for the feasible nodes. */
export function scoreNodes(pod: Pod, feasible: readonly NodeInfo[], ctx: CycleContext, config: SchedulerConfig = {}): Map<string, number> {
  const totals = weightedTotals(pod, feasible, ctx, config);
  return new Map(feasible.map((info, i) => [info.name, totals[i]!]));
}

/** The weighted score total of each feasible node, in order. */
function weightedTotals(pod: Pod, feasible: readonly NodeInfo[], ctx: CycleContext, config: SchedulerConfig): number[] {
  const totals = new Array<number>(feasible.length).fill(0);
  for (const plugin of config.scores ?? DEFAULT_SCORES) {
    const weight = config.weights?.[plugin.name] ?? plugin.defaultWeight;
    if (weight === 0 || plugin.skip?.(pod, ctx)) continue;
    const scores = runScorePlugin(plugin, pod, feasible, ctx);
    for (let i = 0; i < scores.length; i++) totals[i]! += scores[i]! * weight;
  }
  return totals;
}

// mulberry32: a tiny seeded PRNG, enough for a reproducible tie-break.
function seededIndex(seed: number, n: number): number {
  let t = (seed + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
}

/**
 * Picks a node for `pod` among `nodeInfos`, or explains why none fits. Filtering starts at
 * `startIndex` (round robin, so successive pods look at different nodes first) and stops
 * once numFeasibleNodesToFind nodes passed; only those are scored.
 */
export function schedule(pod: Pod, nodeInfos: readonly NodeInfo[], config: SchedulerConfig = {}, startIndex = 0): ScheduleResult {
  const ctx: CycleContext = { nodeInfos, ...(config.namespaceLabels ? { namespaceLabels: config.namespaceLabels } : {}), ...(config.volumes ? { volumes: config.volumes } : {}) };
  const filters = config.filters ?? DEFAULT_FILTERS;
  const wanted = numFeasibleNodesToFind(nodeInfos.length, config.percentageOfNodesToScore);

  // Filter: a node stops at its first failing plugin, whose reasons are recorded.
  const feasible: NodeInfo[] = [];
  const filtered = new Map<string, readonly string[]>();
  const n = nodeInfos.length;
  let evaluated = 0;
  for (; evaluated < n && feasible.length < wanted; evaluated++) {
    const info = nodeInfos[(startIndex + evaluated) % n]!;
    let failed: FilterResult | undefined;
    for (const plugin of filters) {
      const result = plugin.filter(pod, info, ctx);
      if (!result.ok) {
        failed = result;
        break;
      }
    }
    if (failed) filtered.set(info.name, reasonsOf(failed));
    else feasible.push(info);
  }
  if (feasible.length === 0) return { unschedulable: true, evaluated, message: unschedulableMessage(n, filtered), filtered };

  // Score and pick the best; ties go by name, or by the seeded choice.
  const totals = weightedTotals(pod, feasible, ctx, config);
  let best = -Infinity;
  for (const score of totals) if (score > best) best = score;
  const ties: string[] = [];
  for (let i = 0; i < feasible.length; i++) if (totals[i] === best) ties.push(feasible[i]!.name);
  ties.sort();
  const node = config.seed === undefined ? ties[0]! : ties[seededIndex(config.seed, ties.length)]!;
  return { node, score: best, evaluated };
}
