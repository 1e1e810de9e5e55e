// kube-scheduler's percentageOfNodesToScore (schedule_one.go numFeasibleNodesToFind): in
// big clusters, stop filtering once enough feasible nodes were found and score only those.

/** Below this many nodes every node is checked; never fewer are searched for. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** The adaptive percentage never drops below this. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
/** The adaptive percentage starts here and loses one point per 125 nodes. */
export const BASE_PERCENTAGE_OF_NODES_TO_SCORE = 50;

/**
 * How many feasible nodes to look for among `numAllNodes`. `percentage` 0 or undefined
 * is adaptive (50 - nodes/125, at least 5); 100 checks every node.
 */
export function numFeasibleNodesToFind(numAllNodes: number, percentage?: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND || (percentage ?? 0) >= 100) return numAllNodes;
  let adaptive = percentage ?? 0;
  if (adaptive <= 0) {
    adaptive = BASE_PERCENTAGE_OF_NODES_TO_SCORE - Math.trunc(numAllNodes / 125);
    if (adaptive < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) adaptive = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const numNodes = Math.trunc((numAllNodes * adaptive) / 100);
  return Math.max(numNodes, MIN_FEASIBLE_NODES_TO_FIND);
}
