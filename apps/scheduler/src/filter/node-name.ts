import { fail, OK, type FilterPlugin } from './filter-plugin.js';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

/** NodeName: a pod that names a node fits only that node. */
export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, nodeInfo) {
    const wanted = pod.spec?.nodeName;
    return !wanted || wanted === nodeInfo.name ? OK : fail(ERR_REASON_NODE_NAME);
  },
};
