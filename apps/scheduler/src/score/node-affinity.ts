import { termMatches } from '../node-selector.js';
import { defaultNormalizeScore, type ScorePlugin } from './score-plugin.js';

/** NodeAffinity (score): the summed weights of the preferred terms the node matches, scaled to 0..100. */
export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  defaultWeight: 2,
  score(pod, nodeInfo) {
    const preferred = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    let sum = 0;
    for (const term of preferred) {
      // A zero weight term is ignored.
      if (term.weight && termMatches(term.preference ?? {}, nodeInfo.node)) sum += term.weight;
    }
    return sum;
  },
  normalize: (scores) => defaultNormalizeScore(scores, false),
};
