import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { NamespaceKind } from '@wheelhouse/resources';
import type { ApiContext } from '../../context.js';
import { Namespace } from './namespace.type.js';

@Resolver()
export class NamespaceFinalizeResolver {
  @Mutation(() => Namespace, {
    nullable: true,
    description: 'Sets spec.finalizers (namespaces/finalize). A terminating namespace left with none is removed; returns null then.',
  })
  async finalizeNamespace(
    @Arg('name', () => String) name: string,
    @Arg('finalizers', () => [String]) finalizers: string[],
    @Arg('resourceVersion', () => String, { nullable: true }) resourceVersion: string | undefined,
    @Ctx() ctx: ApiContext,
  ) {
    const object = await ctx.store.patch(NamespaceKind, undefined, name, { metadata: resourceVersion ? { resourceVersion } : {}, spec: { finalizers } }, 'finalize', {
      actor: ctx.actor,
    });
    return (await ctx.store.get(NamespaceKind, undefined, name)) ? object : null;
  }
}
