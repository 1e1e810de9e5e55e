import { tolerates } from '../tolerations.js';
import { defaultNormalizeScore, type ScorePlugin } from './score-plugin.js';

/**
 * TaintToleration (score): count the PreferNoSchedule taints the pod does not tolerate
 * (only tolerations with an empty or PreferNoSchedule effect count); fewer is better.
 */
export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  defaultWeight: 3,
  score(pod, nodeInfo) {
    if (nodeInfo.taints.length === 0) return 0;
    const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return nodeInfo.taints.filter((taint) => taint.effect === 'PreferNoSchedule' && !tolerates(tolerations, taint)).length;
  },
  normalize: (scores) => defaultNormalizeScore(scores, true),
};
