import { podRequests } from '../pod-requests.js';
import { fail, OK, type FilterPlugin } from './filter-plugin.js';

/**
 * NodeResourcesFit: room for one more pod, and the pod's effective cpu / memory request
 * fits in allocatable minus what the node's pods already request. Reports every shortage.
 */
export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, nodeInfo) {
    const reasons: string[] = [];
    const { allocatable, requested } = nodeInfo;
    if (nodeInfo.pods.length + 1 > allocatable.pods) reasons.push('Too many pods');
    const request = podRequests(pod);
    if (request.milliCPU > 0 && request.milliCPU > allocatable.milliCPU - requested.milliCPU) reasons.push('Insufficient cpu');
    if (request.memory > 0 && request.memory > allocatable.memory - requested.memory) reasons.push('Insufficient memory');
    return reasons.length === 0 ? OK : fail(reasons[0]!, ...reasons.slice(1));
  },
};
