import { Arg, Ctx, Int, Mutation, Resolver, type ClassType } from 'type-graphql';
import type { KindInfo } from '@wheelhouse/resources';
import type { ApiContext } from '../../context.js';

/** `scale<Kind>(namespace, name, replicas)`: kubectl scale, as a patch of spec.replicas. */
export function createScaleResolver(kind: KindInfo, objectType: ClassType) {
  @Resolver()
  class ScaleResolver {
    @Mutation(() => objectType, { name: `scale${kind.kind}`, description: `Sets spec.replicas of a ${kind.kind}.` })
    scale(
      @Arg('name', () => String) name: string,
      @Arg('replicas', () => Int) replicas: number,
      @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined,
      @Ctx() ctx: ApiContext,
    ) {
      return ctx.store.patch(kind, namespace ?? undefined, name, { spec: { replicas } }, 'main', { actor: ctx.actor });
    }
  }
  return ScaleResolver;
}
