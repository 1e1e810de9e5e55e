import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { retryOnStale, StaleWriteError } from '@wheelhouse/db';
import { ApiError } from '@wheelhouse/resources';
import type { ApiContext } from '../../context.js';
import { JSONObject } from '../common/scalars.js';
import { parseManifest } from './parse-manifest.js';
import { planApply } from './plan-apply.js';

@ObjectType({ simpleResolvers: true })
export class AppliedObject {
  @Field(() => String) apiVersion!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true }) namespace?: string;
  @Field(() => String) name!: string;
  @Field(() => String) resourceVersion!: string;
  @Field(() => String, { description: 'created, configured or unchanged' }) action!: string;
  @Field(() => JSONObject, { description: 'The whole object as stored (with dryRun: as it would be stored).' }) object!: Record<string, unknown>;
}

@ObjectType({ simpleResolvers: true })
export class ApplyResult {
  @Field(() => [AppliedObject]) objects!: AppliedObject[];
}

const lostRace = (error: unknown) => error instanceof StaleWriteError || (error instanceof ApiError && error.code === 'ALREADY_EXISTS');

@Resolver()
export class ApplyResolver {
  @Mutation(() => ApplyResult, { description: 'kubectl apply: YAML or JSON, one or many documents; all or nothing.' })
  async apply(
    @Arg('manifest', () => String) manifest: string,
    @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined,
    @Arg('dryRun', () => Boolean, { nullable: true }) dryRun: boolean | undefined,
    @Ctx() ctx: ApiContext,
  ): Promise<ApplyResult> {
    const documents = parseManifest(manifest);
    // Someone may write (or create) one of these objects meanwhile: then plan again from the new state.
    return retryOnStale(async () => {
      const writes = await planApply(ctx.store, ctx.inputs, documents, namespace ?? undefined);
      const objects = dryRun ? writes.map((w) => w.plan.object) : await ctx.store.commit(writes, { actor: ctx.actor });
      return {
        objects: objects.map((object, i) => ({
          apiVersion: object.apiVersion!,
          kind: object.kind!,
          namespace: object.metadata.namespace,
          name: object.metadata.name!,
          resourceVersion: object.metadata.resourceVersion ?? '',
          action: writes[i]!.action,
          object: object as unknown as Record<string, unknown>,
        })),
      };
    }, lostRace);
  }
}
