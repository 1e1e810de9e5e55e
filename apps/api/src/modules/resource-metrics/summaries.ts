// Stats summaries of every node, one request per agent process (an agent running 500
// simulated nodes answers for all of them at once). Agents that do not answer are left out.
import { NodeKind, type KubeObject } from '@wheelhouse/resources';
import type { Store } from '@wheelhouse/db';
import { kubeletBaseUrl, kubeletGet } from '../pod-logs/kubelet-client.js';

export interface NodeStats {
  nodeName: string;
  cpu: { usageNanoCores: number };
  memory: { workingSetBytes: number };
  pods: { podRef: { name: string; namespace: string; uid: string }; cpu: { usageNanoCores: number }; memory: { workingSetBytes: number } }[];
}

export async function nodeSummaries(store: Store, authorization: string | undefined, onlyNode?: string): Promise<NodeStats[]> {
  const nodes: KubeObject[] = onlyNode ? [await store.get(NodeKind, undefined, onlyNode)].filter((n): n is KubeObject => Boolean(n)) : (await store.list(NodeKind, {})).items;
  const byEndpoint = new Map<string, Set<string>>();
  for (const node of nodes) {
    const base = kubeletBaseUrl(node);
    if (!base) continue;
    const names = byEndpoint.get(base) ?? new Set();
    names.add(node.metadata.name!);
    byEndpoint.set(base, names);
  }
  const answers = await Promise.all(
    [...byEndpoint].map(async ([base, names]) => {
      try {
        const url = new URL('/stats/summary', base);
        if (onlyNode) url.searchParams.set('node', onlyNode);
        const res = await kubeletGet(url.toString(), authorization, [...names][0]!, AbortSignal.timeout(5_000));
        const summary = (await res.json()) as { nodes?: NodeStats[] };
        return (summary.nodes ?? []).filter((n) => names.has(n.nodeName));
      } catch {
        return [];
      }
    }),
  );
  return answers.flat();
}
