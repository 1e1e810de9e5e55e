import { findUntoleratedTaint } from '../tolerations.js';
import { fail, OK, type FilterPlugin } from './filter-plugin.js';

/** TaintToleration: every NoSchedule / NoExecute taint (including condition taints) must be tolerated. */
export const taintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, nodeInfo) {
    const taint = findUntoleratedTaint(nodeInfo.taints, pod.spec?.tolerations ?? [], ['NoSchedule', 'NoExecute']);
    return taint ? fail(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`) : OK;
  },
};
