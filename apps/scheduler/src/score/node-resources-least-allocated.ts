import { podRequests } from '../pod-requests.js';
import { MAX_NODE_SCORE, type ScorePlugin } from './score-plugin.js';

// leastRequestedScore: the unused fraction of a resource after placing the pod, 0 when over.
function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** Resource weights: kube-scheduler's default is cpu 1, memory 1. */
export interface ResourceWeights {
  readonly cpu: number;
  readonly memory: number;
}

/**
 * NodeResourcesFit's LeastAllocated strategy: prefer emptier nodes. Uses the non-zero
 * requests (100m / 200Mi for containers that request nothing).
 */
export function leastAllocated(weights: ResourceWeights = { cpu: 1, memory: 1 }): ScorePlugin {
  return {
    name: 'NodeResourcesLeastAllocated',
    defaultWeight: 1,
    score(pod, nodeInfo) {
      const request = podRequests(pod, true);
      const cpu = leastRequested(nodeInfo.nonZeroRequested.milliCPU + request.milliCPU, nodeInfo.allocatable.milliCPU);
      const memory = leastRequested(nodeInfo.nonZeroRequested.memory + request.memory, nodeInfo.allocatable.memory);
      const weightSum = weights.cpu + weights.memory;
      return weightSum === 0 ? 0 : Math.trunc((cpu * weights.cpu + memory * weights.memory) / weightSum);
    },
  };
}

export const nodeResourcesLeastAllocated: ScorePlugin = leastAllocated();
