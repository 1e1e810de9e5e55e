// getNodesToDaemonPods and the pod order the DaemonSet controller uses.
import type { Pod } from '@wheelhouse/model';
import { targetNodeName } from './daemon-pod.js';

const terminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/**
 * The DaemonSet's pods grouped by the node they run on or are pinned to. A finished pod
 * already being deleted is left out unless asked for (the history cleanup wants its hash).
 */
export function podsByNode(pods: readonly Pod[], includeDeletedTerminal = false): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>();
  for (const pod of pods) {
    if (!includeDeletedTerminal && terminal(pod) && pod.metadata.deletionTimestamp) continue;
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    const list = out.get(node);
    if (list) list.push(pod);
    else out.set(node, [pod]);
  }
  return out;
}

const created = (p: Pod) => Date.parse(p.metadata.creationTimestamp ?? '') || 0;

/** podByCreationTimestampAndPhase: bound pods first, then oldest, then by name. */
export function byCreationAndPhase(a: Pod, b: Pod): number {
  const boundA = Boolean(a.spec?.nodeName);
  const boundB = Boolean(b.spec?.nodeName);
  if (boundA !== boundB) return boundA ? -1 : 1;
  if (created(a) !== created(b)) return created(a) - created(b);
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0;
}
