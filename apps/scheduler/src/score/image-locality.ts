import type { CycleContext } from '../context.js';
import type { Node, Pod } from '@wheelhouse/model';
import type { NodeWithImages } from '../types.js';
import { MAX_NODE_SCORE, type ScorePlugin } from './score-plugin.js';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** An image reference without a tag or digest means ":latest" (normalizedImageName). */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** Normalised image name → size, per node object (an updated node is a new object). */
const imagesByNode = new WeakMap<Node, Map<string, number>>();
function nodeImages(node: Node): Map<string, number> {
  let images = imagesByNode.get(node);
  if (images) return images;
  images = new Map();
  for (const image of (node as NodeWithImages).status?.images ?? []) {
    for (const name of image.names ?? []) {
      const key = normalizedImageName(name);
      if (!images.has(key)) images.set(key, image.sizeBytes ?? 0);
    }
  }
  imagesByNode.set(node, images);
  return images;
}

/** The pod's images → { size, number of nodes holding it }, once per cycle and pod. */
type ImageStates = { readonly keys: readonly string[]; readonly byKey: Map<string, { size: number; numNodes: number }> };
const memo = new WeakMap<CycleContext, WeakMap<Pod, ImageStates>>();
function imageStates(pod: Pod, ctx: CycleContext): ImageStates {
  let perPod = memo.get(ctx);
  if (!perPod) {
    perPod = new WeakMap();
    memo.set(ctx, perPod);
  }
  let states = perPod.get(pod);
  if (states) return states;
  states = { keys: imagesOf(pod).map(normalizedImageName), byKey: new Map() };
  for (const key of new Set(states.keys)) {
    for (const info of ctx.nodeInfos) {
      const size = nodeImages(info.node).get(key);
      if (size === undefined) continue;
      const state = states.byKey.get(key) ?? { size, numNodes: 0 };
      state.numNodes++;
      states.byKey.set(key, state);
    }
  }
  perPod.set(pod, states);
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
  // No node holds any of the pod's images: every node would score 0.
  skip: (pod, ctx) => imageStates(pod, ctx).byKey.size === 0,
  score(pod, nodeInfo, ctx) {
    const states = imageStates(pod, ctx);
    const total = ctx.nodeInfos.length;
    const onNode = nodeImages(nodeInfo.node);
    let sum = 0;
    for (const key of states.keys) {
      const state = states.byKey.get(key);
      if (state && onNode.has(key)) sum += Math.trunc(state.size * (state.numNodes / total));
    }
    const containers = (pod.spec?.initContainers?.length ?? 0) + (pod.spec?.containers?.length ?? 0);
    const max = MAX_CONTAINER_THRESHOLD * containers;
    if (max <= MIN_THRESHOLD) return 0;
    const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max);
    return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
  },
};
