import { anyTermMatches } from '../node-selector.js';
import { fail, OK, type FilterPlugin } from './filter-plugin.js';

export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

/** NodeAffinity: spec.nodeSelector (every label) and the required node affinity (any term). */
export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, nodeInfo) {
    const labels = nodeInfo.node.metadata.labels ?? {};
    const selector = pod.spec?.nodeSelector;
    if (selector) {
      for (const key in selector) {
        if (!Object.hasOwn(labels, key) || labels[key] !== selector[key]) return fail(ERR_REASON_NODE_AFFINITY);
      }
    }
    const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (required && !anyTermMatches(required.nodeSelectorTerms ?? [], nodeInfo.node)) return fail(ERR_REASON_NODE_AFFINITY);
    return OK;
  },
};
