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
    const { allocatable, requested } = nodeInfo;
    // With one resource of zero capacity there is nothing to balance: std 0.
    if (allocatable.milliCPU === 0 || allocatable.memory === 0) return MAX_NODE_SCORE;
    const cpu = Math.min((requested.milliCPU + request.milliCPU) / allocatable.milliCPU, 1);
    const memory = Math.min((requested.memory + request.memory) / allocatable.memory, 1);
    const std = Math.abs((cpu - memory) / 2);
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
};
