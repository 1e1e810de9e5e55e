import { Args, Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver, Root, Subscription, type ClassType } from 'type-graphql';
import type { KindInfo, KubeObject } from '@wheelhouse/resources';
import type { ApiContext } from '../../context.js';
import { JSONObject } from './scalars.js';
import { ListMeta } from './object-meta.type.js';
import { WatchEventType } from './enums.js';
import {
  ClusterDeleteArgs,
  ClusterListArgs,
  ClusterObjectArgs,
  ClusterWatchArgs,
  NamespacedDeleteArgs,
  NamespacedListArgs,
  NamespacedObjectArgs,
  NamespacedWatchArgs,
} from './args.js';
import { parseFilter } from './parse-filter.js';
import { ObjectPatch } from './bulk-patch.input.js';
import type { WatchEvent } from '../../watch/watch-event.js';
import { pageSize } from '../../limits/page-size.js';
import { assertDepth, MAX_INPUT_DEPTH } from '../../limits/input-depth.js';

type ObjectArgs = { namespace?: string; name: string };
type ListArgs = ClusterListArgs & { namespace?: string };
type WatchArgs = ClusterWatchArgs & { namespace?: string };
type DeleteArgs = ClusterDeleteArgs & { namespace?: string };

/**
 * The queries, mutations and subscription of API.md for one kind, from its KindInfo
 * and GraphQL types (type-graphql resolver inheritance). Every kind gets exactly this.
 */
export function createResourceResolver(kind: KindInfo, objectType: ClassType, inputType: ClassType) {
  const K = kind.kind;
  const Plural = kind.plural[0]!.toUpperCase() + kind.plural.slice(1);
  const ns = kind.namespaced;
  const ObjectArgsType = ns ? NamespacedObjectArgs : ClusterObjectArgs;
  const ListArgsType = ns ? NamespacedListArgs : ClusterListArgs;
  const WatchArgsType = ns ? NamespacedWatchArgs : ClusterWatchArgs;
  const DeleteArgsType = ns ? NamespacedDeleteArgs : ClusterDeleteArgs;

  @ObjectType(`${K}List`, { simpleResolvers: true })
  class ListType {
    @Field(() => ListMeta) metadata!: ListMeta;
    @Field(() => [objectType]) items!: unknown[];
  }

  @ObjectType(`${K}WatchEvent`, { simpleResolvers: true })
  class WatchEventObject {
    @Field(() => WatchEventType) type!: WatchEventType;
    @Field(() => objectType) object!: unknown;
  }

  @Resolver()
  class ResourceResolver {
    @Query(() => objectType, { name: kind.singular, nullable: true, description: `One ${K}, or null when absent.` })
    get(@Args(() => ObjectArgsType) args: ObjectArgs, @Ctx() ctx: ApiContext) {
      return ctx.store.get(kind, args.namespace, args.name);
    }

    @Query(() => ListType, { name: kind.plural })
    async list(@Args(() => ListArgsType) args: ListArgs, @Ctx() ctx: ApiContext) {
      const filter = parseFilter(kind, args);
      const result = await ctx.store.list(kind, { ...filter, limit: pageSize(args.limit, ctx.maxListLimit), continue: args.continue ?? undefined });
      return { metadata: { resourceVersion: result.resourceVersion, continue: result.continue }, items: result.items };
    }

    @Mutation(() => objectType, { name: `create${K}` })
    create(
      @Arg('input', () => inputType) input: KubeObject,
      @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined,
      @Arg('dryRun', () => Boolean, { nullable: true }) dryRun: boolean | undefined,
      @Ctx() ctx: ApiContext,
    ) {
      return ctx.store.create(kind, plain(input), ns ? (namespace ?? undefined) : undefined, { actor: ctx.actor, dryRun: dryRun ?? false });
    }

    @Mutation(() => [objectType], { name: `create${Plural}`, description: `Creates many ${kind.plural} in one commit, all or nothing.` })
    createMany(
      @Arg('inputs', () => [inputType]) inputs: KubeObject[],
      @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined,
      @Arg('dryRun', () => Boolean, { nullable: true }) dryRun: boolean | undefined,
      @Ctx() ctx: ApiContext,
    ) {
      return ctx.store.createMany(kind, inputs.map(plain), ns ? (namespace ?? undefined) : undefined, { actor: ctx.actor, dryRun: dryRun ?? false });
    }

    @Mutation(() => objectType, { name: `replace${K}`, description: 'Replaces spec and metadata; compares metadata.resourceVersion when given.' })
    replace(
      @Args(() => ObjectArgsType) args: ObjectArgs,
      @Arg('input', () => inputType) input: KubeObject,
      @Arg('dryRun', () => Boolean, { nullable: true }) dryRun: boolean | undefined,
      @Ctx() ctx: ApiContext,
    ) {
      return ctx.store.replace(kind, args.namespace, args.name, plain(input), 'main', { actor: ctx.actor, dryRun: dryRun ?? false });
    }

    @Mutation(() => objectType, { name: `patch${K}`, description: 'JSON merge patch; metadata.resourceVersion in the patch is a precondition.' })
    patch(
      @Args(() => ObjectArgsType) args: ObjectArgs,
      @Arg('patch', () => JSONObject) patch: Record<string, unknown>,
      @Arg('dryRun', () => Boolean, { nullable: true }) dryRun: boolean | undefined,
      @Ctx() ctx: ApiContext,
    ) {
      return ctx.store.patch(kind, args.namespace, args.name, checked(ctx, kind, patch), 'main', { actor: ctx.actor, dryRun: dryRun ?? false });
    }

    @Mutation(() => objectType, { name: `delete${K}`, nullable: true, description: 'The object as it is after the call: still there while finalizers or a grace period hold it.' })
    delete(@Args(() => DeleteArgsType) args: DeleteArgs, @Ctx() ctx: ApiContext) {
      return ctx.store.delete(
        kind,
        args.namespace,
        args.name,
        { gracePeriodSeconds: args.gracePeriodSeconds ?? undefined, propagationPolicy: args.propagationPolicy ?? undefined, resourceVersion: args.resourceVersion ?? undefined },
        { actor: ctx.actor, dryRun: args.dryRun ?? false },
      );
    }

    @Subscription(() => WatchEventObject, {
      name: `watch${Plural}`,
      description: `ADDED/MODIFIED/DELETED events of ${kind.plural}; resumable from a resourceVersion.`,
      subscribe: ({ args, context }) => (context as ApiContext).watch(kind, parseFilter(kind, args as WatchArgs), args as WatchArgs),
    })
    watch(@Root() event: WatchEvent, @Args(() => WatchArgsType) _args: WatchArgs) {
      return event;
    }
  }

  if (kind.hasStatus) {
    @Resolver()
    class StatusResolver extends ResourceResolver {
      @Mutation(() => objectType, { name: `replace${K}Status`, description: 'Replaces status only; spec and generation are untouched.' })
      replaceStatus(@Args(() => ObjectArgsType) args: ObjectArgs, @Arg('input', () => inputType) input: KubeObject, @Ctx() ctx: ApiContext) {
        return ctx.store.replace(kind, args.namespace, args.name, plain(input), 'status', { actor: ctx.actor });
      }

      @Mutation(() => [objectType], {
        name: `patch${Plural}Status`,
        description: `Status merge patches of many ${kind.plural} in one commit, all or nothing (agents reporting in batches).`,
      })
      patchManyStatus(@Arg('items', () => [ObjectPatch]) items: ObjectPatch[], @Ctx() ctx: ApiContext) {
        const checkedItems = items.map((i) => ({ namespace: ns ? (i.namespace ?? undefined) : undefined, name: i.name, patch: checked(ctx, kind, i.patch) }));
        return ctx.store.patchMany(kind, checkedItems, 'status', { actor: ctx.actor });
      }

      @Mutation(() => objectType, { name: `patch${K}Status`, description: 'JSON merge patch of status only.' })
      patchStatus(@Args(() => ObjectArgsType) args: ObjectArgs, @Arg('patch', () => JSONObject) patch: Record<string, unknown>, @Ctx() ctx: ApiContext) {
        return ctx.store.patch(kind, args.namespace, args.name, checked(ctx, kind, patch), 'status', { actor: ctx.actor });
      }
    }
    return StatusResolver;
  }
  return ResourceResolver;
}

function checked(ctx: ApiContext, kind: KindInfo, patch: Record<string, unknown>): Record<string, unknown> {
  assertDepth(patch, MAX_INPUT_DEPTH, 'patch');
  ctx.inputs.check(kind, patch);
  return patch;
}

/** type-graphql hands inputs over as class instances; the store works on plain JSON. */
function plain(input: KubeObject): KubeObject {
  return JSON.parse(JSON.stringify(input)) as KubeObject;
}
