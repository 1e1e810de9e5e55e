import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { ApiContext } from '../../context.js';
import { kubeletGet } from './kubelet-client.js';
import { lines } from './lines.js';
import { logsUrl, podTarget } from './pod-target.js';

interface FollowArgs {
  namespace?: string | null;
  name: string;
  container?: string | null;
  tailLines?: number | null;
  timestamps?: boolean | null;
}

/** kubectl logs: read from the agent that runs the pod, as kube-apiserver proxies to the kubelet. */
@Resolver()
export class PodLogsResolver {
  @Query(() => String, { nullable: true, description: "A container's log (kubectl logs): the current run, or the previous one." })
  async podLogs(
    @Arg('name', () => String) name: string,
    @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined,
    @Arg('container', () => String, { nullable: true, description: 'Required when the pod has several containers.' }) container: string | undefined,
    @Arg('tailLines', () => Int, { nullable: true }) tailLines: number | undefined,
    @Arg('sinceSeconds', () => Int, { nullable: true }) sinceSeconds: number | undefined,
    @Arg('previous', () => Boolean, { nullable: true }) previous: boolean | undefined,
    @Arg('timestamps', () => Boolean, { nullable: true }) timestamps: boolean | undefined,
    @Ctx() ctx: ApiContext,
  ): Promise<string> {
    const target = await podTarget(ctx.store, namespace ?? 'default', name, container ?? undefined);
    const res = await kubeletGet(logsUrl(target, { tailLines, sinceSeconds, previous, timestamps }), ctx.authorization, target.nodeName);
    return res.text();
  }

  @Subscription(() => String, {
    description: "Follows a container's log (kubectl logs -f): one event per line, from the last tailLines on.",
    subscribe: ({ args, context }) => follow(args as FollowArgs, context as ApiContext),
  })
  followPodLogs(
    @Root() line: string,
    @Arg('name', () => String) _name: string,
    @Arg('namespace', () => String, { nullable: true }) _namespace: string | undefined,
    @Arg('container', () => String, { nullable: true }) _container: string | undefined,
    @Arg('tailLines', () => Int, { nullable: true }) _tailLines: number | undefined,
    @Arg('timestamps', () => Boolean, { nullable: true }) _timestamps: boolean | undefined,
  ): string {
    return line;
  }
}

/** Opens the agent's follow stream first (so errors come before any event), then yields its lines. */
async function follow(args: FollowArgs, ctx: ApiContext): Promise<AsyncIterableIterator<string>> {
  const target = await podTarget(ctx.store, args.namespace ?? 'default', args.name, args.container ?? undefined);
  const abort = new AbortController();
  const res = await kubeletGet(logsUrl(target, { follow: true, tailLines: args.tailLines, timestamps: args.timestamps }), ctx.authorization, target.nodeName, abort.signal);
  const source = lines(res.body!);
  const iterator: AsyncIterableIterator<string> = {
    next: () => source.next().catch(() => ({ done: true, value: undefined })),
    async return() {
      abort.abort();
      await source.return(undefined).catch(() => {});
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      abort.abort();
      throw error;
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
