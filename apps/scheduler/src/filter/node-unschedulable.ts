import { TAINT_NODE_UNSCHEDULABLE } from '../node-info.js';
import { tolerates } from '../tolerations.js';
import { fail, OK, type FilterPlugin } from './filter-plugin.js';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

/** NodeUnschedulable: cordoned nodes (spec.unschedulable) take only pods tolerating the unschedulable taint. */
export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, nodeInfo) {
    if (!nodeInfo.node.spec?.unschedulable) return OK;
    const taint = { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' } as const;
    return tolerates(pod.spec?.tolerations ?? [], taint) ? OK : fail(ERR_REASON_UNSCHEDULABLE);
  },
};
