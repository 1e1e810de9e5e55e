import { podRequests } from '../pod-requests.js';
import { MAX_NODE_SCORE, type ScorePlugin } from './score-plugin.js';

/**
 * NodeResourcesBalancedAllocation: prefer nodes whose cpu and memory would be used in
 * equal proportion: (1 - standard deviation of the fractions) × 100. Uses the actual
 * requests; skipped for a pod that requests nothing (best effort), as since Kubernetes 1.32.
 */
export const nodeResourcesBalancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  defaultWeight: 1,
  skip(pod) {
    const request = podRequests(pod);
    return request.milliCPU === 0 && request.memory === 0;
  },
  score(pod, nodeInfo) {
    const request = podRequests(pod);
    const pairs: [number, number][] = [
      [nodeInfo.requested.milliCPU + request.milliCPU, nodeInfo.allocatable.milliCPU],
      [nodeInfo.requested.memory + request.memory, nodeInfo.allocatable.memory],
    ];
    const fractions = pairs.filter(([, capacity]) => capacity !== 0).map(([used, capacity]) => Math.min(used / capacity, 1));
    let std = 0;
    if (fractions.length === 2) std = Math.abs((fractions[0]! - fractions[1]!) / 2);
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
};
