// The manifests `wh seed --scale` applies (apps/cli/src/seed/scale.ts: simulated nodes and
// Deployments in the `scale` namespace), applied in small calls so a busy machine answers
// each within a request; and a wait for the pods.
import type { TestApi } from './api.js';

interface ScaleManifests {
  scaleNamespace(): object;
  scaleNodes(count: number): object[];
  scaleDeployments(pods: number): object[];
  chunk<T>(items: readonly T[], size: number): T[][];
}

export async function seedScale(api: TestApi, nodes: number, pods: number, log: (line: string) => void = () => {}): Promise<void> {
  const scale = (await import(new URL('../../../apps/cli/dist/seed/scale.js', import.meta.url).href)) as ScaleManifests;
  const documents = [scale.scaleNamespace(), ...scale.scaleNodes(nodes), ...scale.scaleDeployments(pods)];
  const batches = scale.chunk(documents, 10);
  for (const [i, batch] of batches.entries()) {
    await api.ok(`mutation($m: String!) { apply(manifest: $m) { objects { name } } }`, { m: batch.map((d) => JSON.stringify(d)).join('\n---\n') });
    if (i % 20 === 19) log(`applied ${(i + 1) * 10}/${documents.length}`);
  }
}

/** Waits until `count` pods of the `scale` namespace exist (or are Running); returns how many there are. */
export async function waitForScalePods(api: TestApi, count: number, options: { running: boolean; timeoutMs: number; log?: (line: string) => void }): Promise<number> {
  const selector = options.running ? ', fieldSelector: "status.phase=Running"' : '';
  let seen = 0;
  for (const deadline = Date.now() + options.timeoutMs; ; await new Promise((r) => setTimeout(r, 5000))) {
    try {
      const { pods } = await api.ok(`{ pods(namespace: "scale"${selector}) { items { metadata { name } } } }`);
      seen = pods.items.length;
    } catch {
      // a busy API: ask again
    }
    options.log?.(`${seen}/${count} pods ${options.running ? 'Running' : 'created'}`);
    if (seen >= count) return seen;
    if (Date.now() > deadline) throw new Error(`only ${seen}/${count} pods ${options.running ? 'Running' : 'created'} after ${options.timeoutMs / 1000} s`);
  }
}
