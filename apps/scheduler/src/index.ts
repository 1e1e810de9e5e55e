// @wheelhouse/scheduler — kube-scheduler's pure decisions: filter, score, pick, explain.
export type * from './types.js';
export { type Resources, podRequests, DEFAULT_MILLI_CPU_REQUEST, DEFAULT_MEMORY_REQUEST } from './pod-requests.js';
export { type NodeInfo, type Allocatable, nodeInfos, nodeInfoOf, assume, assumeOn, effectiveTaints, TAINT_NODE_UNSCHEDULABLE } from './node-info.js';
export type { CycleContext } from './context.js';
export { toleratesTaint, findUntoleratedTaint } from './tolerations.js';
export { termMatches, anyTermMatches } from './node-selector.js';
export type { NamespaceLabels } from './pod-affinity-term.js';
export { type FilterPlugin, type FilterResult, reasonsOf } from './filter/filter-plugin.js';
export { nodeUnschedulable, ERR_REASON_UNSCHEDULABLE } from './filter/node-unschedulable.js';
export { nodeName, ERR_REASON_NODE_NAME } from './filter/node-name.js';
export { taintToleration } from './filter/taint-toleration.js';
export { nodeAffinity, ERR_REASON_NODE_AFFINITY } from './filter/node-affinity.js';
export { nodeResourcesFit } from './filter/node-resources-fit.js';
export {
  interPodAffinity,
  ERR_REASON_AFFINITY,
  ERR_REASON_ANTI_AFFINITY,
  ERR_REASON_EXISTING_ANTI_AFFINITY,
} from './filter/inter-pod-affinity.js';
export { type ScorePlugin, MAX_NODE_SCORE, defaultNormalizeScore, runScorePlugin } from './score/score-plugin.js';
export { type ResourceWeights, leastAllocated, nodeResourcesLeastAllocated } from './score/node-resources-least-allocated.js';
export { nodeResourcesBalancedAllocation } from './score/node-resources-balanced-allocation.js';
export { nodeAffinityScore } from './score/node-affinity.js';
export { taintTolerationScore } from './score/taint-toleration.js';
export { interPodAffinityScorer, interPodAffinityScore } from './score/inter-pod-affinity.js';
export { imageLocality, normalizedImageName } from './score/image-locality.js';
export { unschedulableMessage, ERR_NO_NODES_AVAILABLE } from './message.js';
export { type SchedulerConfig, type ScheduleResult, schedule, scoreNodes, DEFAULT_FILTERS, DEFAULT_SCORES } from './chain.js';
export { numFeasibleNodesToFind } from './nodes-to-find.js';
export { SchedulerCache } from './cache.js';
export { type BatchDecision, decideBatch } from './decide-batch.js';
