import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ApiError, resolveKindName } from '@wheelhouse/resources';
import type { ApiContext } from '../../context.js';
import { type ChangeType, ObjectRevision } from './object-revision.type.js';
import { readObjectHistory } from './read-history.js';
import { redactEncryptedFields } from './redact.js';

@Resolver()
export class HistoryResolver {
  @Query(() => [ObjectRevision], {
    description: 'Every revision of one object still in the change log (older ones are compacted away), oldest first.',
  })
  async history(
    @Arg('kind', () => String, { description: 'Kind, singular, plural or short name (Deployment, deployments, deploy).' }) kindName: string,
    @Arg('namespace', () => String, { nullable: true, description: 'Defaults to "default"; ignored for cluster-scoped kinds.' })
    namespace: string | undefined,
    @Arg('name', () => String) name: string,
    @Arg('after', () => String, { nullable: true, description: 'Only revisions after this resourceVersion (to follow a history as it grows).' })
    after: string | undefined,
    @Ctx() ctx: ApiContext,
  ): Promise<ObjectRevision[]> {
    const kind = resolveKindName(kindName);
    if (!kind) throw new ApiError('BAD_USER_INPUT', `the server doesn't have a resource type "${kindName}"`, 'kind');
    if (after != null && !/^\d+$/.test(after)) throw new ApiError('BAD_USER_INPUT', `after must be a resourceVersion (digits), got "${after}"`, 'after');
    const changes = await readObjectHistory(ctx.store.db, kind, kind.namespaced ? (namespace ?? 'default') : '', name, after == null ? 0n : BigInt(after));
    return changes.map((change) => ({
      revision: change.revision.toString(),
      type: change.type as ChangeType,
      timestamp: new Date(change.createdAt).toISOString(),
      actor: change.actor,
      uid: change.uid,
      object: redactEncryptedFields(kind, change.object) as unknown as Record<string, unknown>,
    }));
  }
}
