import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  ApiError,
  CHANGE_CAUSE_ANNOTATION,
  DeploymentKind,
  ReplicaSetKind,
  RESTARTED_AT_ANNOTATION,
  notFound,
  ownedReplicaSets,
  revisionOf,
  rollbackSource,
  templateForDeployment,
  type KubeObject,
} from '@wheelhouse/resources';
import type { ApiContext } from '../../context.js';
import { Deployment } from './deployment.type.js';
import { DeploymentRevision } from './deployment-history.type.js';

/** kubectl rollout restart / pause / resume / undo / history for Deployments. */
@Resolver()
export class DeploymentActionsResolver {
  @Mutation(() => Deployment, { description: 'Rolls out new pods by stamping the template with kubectl.kubernetes.io/restartedAt.' })
  restartDeployment(@Arg('name', () => String) name: string, @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined, @Ctx() ctx: ApiContext) {
    const patch = { spec: { template: { metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: new Date().toISOString() } } } } };
    return ctx.store.patch(DeploymentKind, namespace ?? undefined, name, patch, 'main', { actor: ctx.actor });
  }

  @Mutation(() => Deployment)
  pauseDeployment(@Arg('name', () => String) name: string, @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined, @Ctx() ctx: ApiContext) {
    return ctx.store.patch(DeploymentKind, namespace ?? undefined, name, { spec: { paused: true } }, 'main', { actor: ctx.actor });
  }

  @Mutation(() => Deployment)
  resumeDeployment(@Arg('name', () => String) name: string, @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined, @Ctx() ctx: ApiContext) {
    return ctx.store.patch(DeploymentKind, namespace ?? undefined, name, { spec: { paused: false } }, 'main', { actor: ctx.actor });
  }

  @Mutation(() => Deployment, { description: "kubectl rollout undo: the template of revision toRevision (0: the previous one) becomes the Deployment's." })
  async rollbackDeployment(
    @Arg('name', () => String) name: string,
    @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined,
    @Arg('toRevision', () => Int, { defaultValue: 0 }) toRevision: number,
    @Ctx() ctx: ApiContext,
  ) {
    const { deployment, replicaSets } = await this.load(ctx, namespace ?? undefined, name);
    const source = rollbackSource(replicaSets, toRevision);
    if (!source) throw new ApiError('NOT_FOUND', `unable to find specified revision ${toRevision} in history of deployments "${name}"`);
    // The old template replaces the current one whole (a merge would keep e.g. a later restartedAt annotation).
    const next = { ...deployment, spec: { ...(deployment.spec ?? {}), template: templateForDeployment(source) } };
    return ctx.store.replace(DeploymentKind, namespace ?? undefined, name, next, 'main', { actor: ctx.actor });
  }

  @Query(() => [DeploymentRevision], { description: 'kubectl rollout history: one entry per ReplicaSet revision, oldest first.' })
  async deploymentHistory(@Arg('name', () => String) name: string, @Arg('namespace', () => String, { nullable: true }) namespace: string | undefined, @Ctx() ctx: ApiContext) {
    const { replicaSets } = await this.load(ctx, namespace ?? undefined, name);
    return replicaSets.map((rs) => ({
      revision: revisionOf(rs),
      changeCause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION],
      replicaSetName: rs.metadata.name!,
      template: (rs.spec as { template?: unknown } | undefined)?.template,
      creationTimestamp: rs.metadata.creationTimestamp,
    }));
  }

  private async load(ctx: ApiContext, namespace: string | undefined, name: string): Promise<{ deployment: KubeObject; replicaSets: KubeObject[] }> {
    const deployment = await ctx.store.get(DeploymentKind, namespace, name);
    if (!deployment) throw notFound('Deployment', name);
    const list = await ctx.store.list(ReplicaSetKind, { namespace: deployment.metadata.namespace });
    return { deployment, replicaSets: ownedReplicaSets(deployment, list.items) };
  }
}
