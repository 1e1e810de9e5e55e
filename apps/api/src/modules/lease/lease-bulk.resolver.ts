import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { LeaseKind } from '@wheelhouse/resources';
import type { ApiContext } from '../../context.js';
import { ObjectPatch } from '../common/bulk-patch.input.js';
import { Lease } from './lease.type.js';

/** Node agents renew hundreds of node Leases every 10 s: one call and one commit for all of them. */
@Resolver()
export class LeaseBulkResolver {
  @Mutation(() => [Lease], { description: 'JSON merge patches of many Leases in one commit, all or nothing (node heartbeats).' })
  patchLeases(@Arg('items', () => [ObjectPatch]) items: ObjectPatch[], @Ctx() ctx: ApiContext) {
    const checked = items.map((i) => {
      ctx.inputs.check(LeaseKind, i.patch);
      return { namespace: i.namespace ?? undefined, name: i.name, patch: i.patch };
    });
    return ctx.store.patchMany(LeaseKind, checked, 'main', { actor: ctx.actor });
  }
}
