import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ApiContext } from '../../context.js';
import { Pod } from '../pod/pod.type.js';
import { bindPods } from './bind-pods.js';
import { PodBindingInput, PodBindingResult } from './pod-binding.type.js';

/** pods/binding: how the scheduler assigns pods to nodes (never a plain patch of spec.nodeName). */
@Resolver()
export class PodBindingResolver {
  @Mutation(() => Pod, { description: 'Binds a pod to a node: CONFLICT if it is already bound or terminating, NOT_FOUND if absent (or its uid differs).' })
  async bindPod(
    @Arg('name', () => String) name: string,
    @Arg('nodeName', () => String) nodeName: string,
    @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined,
    @Arg('uid', () => String, { nullable: true }) uid: string | undefined,
    @Ctx() ctx: ApiContext,
  ) {
    const [outcome] = await bindPods(ctx.store, [{ namespace: namespace ?? undefined, name, nodeName, uid: uid ?? undefined }], ctx.actor);
    if ('error' in outcome!) throw outcome.error;
    return outcome!.pod;
  }

  @Mutation(() => [PodBindingResult], { description: 'Many bindings in one commit; each item answers with its pod or its error, so one refused item does not fail the rest.' })
  async bindPods(@Arg('items', () => [PodBindingInput]) items: PodBindingInput[], @Ctx() ctx: ApiContext): Promise<PodBindingResult[]> {
    const requests = items.map((i) => ({ namespace: i.namespace ?? 'default', name: i.name, nodeName: i.nodeName, uid: i.uid ?? undefined }));
    const outcomes = await bindPods(ctx.store, requests, ctx.actor);
    return outcomes.map((o, i) => ({
      namespace: requests[i]!.namespace,
      name: requests[i]!.name,
      ...('pod' in o ? { pod: o.pod } : { error: { code: o.error.code, message: o.error.message, ...(o.error.field ? { field: o.error.field } : {}) } }),
    }));
  }
}
