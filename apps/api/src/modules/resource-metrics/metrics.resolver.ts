import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../context.js';
import { NodeMetrics, PodMetrics } from './metrics.type.js';
import { nodeSummaries } from './summaries.js';
import { cpuQuantity, memoryQuantity } from './usage.js';

/** The window the agents average CPU over (metrics-server reports its scrape window the same way). */
const WINDOW = '10s';

/** metrics.k8s.io for `wh top` and the dashboard: usage straight from the node agents. */
@Resolver()
export class MetricsResolver {
  @Query(() => [PodMetrics], { description: 'Usage of running pods (kubectl top pod); all namespaces when namespace is null.' })
  async podMetrics(
    @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined,
    @Arg('name', () => String, { nullable: true }) name: string | undefined,
    @Ctx() ctx: ApiContext,
  ): Promise<PodMetrics[]> {
    const timestamp = new Date().toISOString();
    const out: PodMetrics[] = [];
    for (const node of await nodeSummaries(ctx.store, ctx.authorization)) {
      for (const pod of node.pods) {
        if (namespace && pod.podRef.namespace !== namespace) continue;
        if (name && pod.podRef.name !== name) continue;
        out.push({
          metadata: { name: pod.podRef.name, namespace: pod.podRef.namespace },
          timestamp,
          window: WINDOW,
          usage: { cpu: cpuQuantity(pod.cpu.usageNanoCores), memory: memoryQuantity(pod.memory.workingSetBytes) },
        });
      }
    }
    return out.sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  }

  @Query(() => [NodeMetrics], { description: 'Usage per node (kubectl top node); nodes whose agent does not answer are left out.' })
  async nodeMetrics(@Arg('name', () => String, { nullable: true }) name: string | undefined, @Ctx() ctx: ApiContext): Promise<NodeMetrics[]> {
    const timestamp = new Date().toISOString();
    return (await nodeSummaries(ctx.store, ctx.authorization, name ?? undefined))
      .map((n) => ({
        metadata: { name: n.nodeName },
        timestamp,
        window: WINDOW,
        usage: { cpu: cpuQuantity(n.cpu.usageNanoCores), memory: memoryQuantity(n.memory.workingSetBytes) },
      }))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  }
}
