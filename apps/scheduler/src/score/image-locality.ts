import type { CycleContext } from '../context.js';
import type { Pod } from '../types.js';
import { MAX_NODE_SCORE, type ScorePlugin } from './score-plugin.js';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** An image reference without a tag or digest means ":latest" (normalizedImageName). */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** Image name → { size, number of nodes holding it }, over every node of the cycle. */
type ImageStates = Map<string, { size: number; numNodes: number }>;
const memo = new WeakMap<CycleContext, ImageStates>();
function imageStates(ctx: CycleContext): ImageStates {
  let states = memo.get(ctx);
  if (states) return states;
  states = new Map();
  for (const info of ctx.nodeInfos) {
    const seen = new Set<string>();
    for (const image of info.node.status?.images ?? []) {
      for (const name of image.names ?? []) {
        const key = normalizedImageName(name);
        if (seen.has(key)) continue;
        seen.add(key);
        const state = states.get(key) ?? { size: image.sizeBytes ?? 0, numNodes: 0 };
        state.numNodes++;
        states.set(key, state);
      }
    }
  }
  memo.set(ctx, states);
  return states;
}

const imagesOf = (pod: Pod) => [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.image).filter((i): i is string => !!i);

/**
 * ImageLocality: prefer nodes that already hold the pod's images, by size scaled by how
 * widely the image is spread (so one node does not attract every pod), clamped between
 * 23MB and 1000MB per container and mapped onto 0..100.
 */
export const imageLocality: ScorePlugin = {
  name: 'ImageLocality',
  defaultWeight: 1,
  score(pod, nodeInfo, ctx) {
    const states = imageStates(ctx);
    const total = ctx.nodeInfos.length;
    const onNode = new Set((nodeInfo.node.status?.images ?? []).flatMap((i) => (i.names ?? []).map(normalizedImageName)));
    let sum = 0;
    for (const image of imagesOf(pod)) {
      const key = normalizedImageName(image);
      const state = states.get(key);
      if (onNode.has(key) && state) sum += Math.trunc(state.size * (state.numNodes / total));
    }
    const containers = (pod.spec?.initContainers?.length ?? 0) + (pod.spec?.containers?.length ?? 0);
    const max = MAX_CONTAINER_THRESHOLD * containers;
    if (max <= MIN_THRESHOLD) return 0;
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max);
    return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
  },
};
