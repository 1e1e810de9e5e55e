import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { ApiError, NodeKind } from '@wheelhouse/resources';
import type { ApiContext } from '../../context.js';
import { Node } from '../node/node.type.js';
import { Pod } from '../pod/pod.type.js';
import { DrainResult } from './drain.type.js';
import { drainNode } from './drain-node.js';
import { evictPod } from './evict-pod.js';

/** kubectl cordon / uncordon / drain and the pods/eviction subresource. */
@Resolver()
export class NodeMaintenanceResolver {
  @Mutation(() => Node, { description: 'kubectl cordon: sets spec.unschedulable, so no new pods are scheduled on the node.' })
  cordonNode(@Arg('name', () => String) name: string, @Arg('dryRun', () => Boolean, { nullable: true }) dryRun: boolean | undefined, @Ctx() ctx: ApiContext) {
    return ctx.store.patch(NodeKind, undefined, name, { spec: { unschedulable: true } }, 'main', { actor: ctx.actor, dryRun: dryRun ?? false });
  }

  @Mutation(() => Node, { description: 'kubectl uncordon: clears spec.unschedulable.' })
  uncordonNode(@Arg('name', () => String) name: string, @Arg('dryRun', () => Boolean, { nullable: true }) dryRun: boolean | undefined, @Ctx() ctx: ApiContext) {
    return ctx.store.patch(NodeKind, undefined, name, { spec: { unschedulable: null } }, 'main', { actor: ctx.actor, dryRun: dryRun ?? false });
  }

  @Mutation(() => Pod, {
    nullable: true,
    description:
      "The Eviction subresource (pods/eviction): a graceful delete that spends one disruption of the pod's PodDisruptionBudget. " +
      'A budget with none left refuses with TOO_MANY_REQUESTS ("Cannot evict pod as it would violate the pod\'s disruption budget."): retry later. ' +
      'Returns the pod as it is after the call: terminating until its node agent confirms, or deleted at once.',
  })
  evictPod(
    @Arg('name', () => String) name: string,
    @Arg('namespace', () => String, { nullable: true, description: 'Defaults to "default".' }) namespace: string | undefined,
    @Arg('gracePeriodSeconds', () => Int, { nullable: true, description: "Absent: the pod's terminationGracePeriodSeconds." }) gracePeriodSeconds: number | undefined,
    @Arg('dryRun', () => Boolean, { nullable: true }) dryRun: boolean | undefined,
    @Ctx() ctx: ApiContext,
  ) {
    checkGrace(gracePeriodSeconds);
    return evictPod(ctx.store, namespace ?? 'default', name, { gracePeriodSeconds: gracePeriodSeconds ?? undefined }, { actor: ctx.actor, dryRun: dryRun ?? false });
  }

  @Mutation(() => DrainResult, {
    description:
      'kubectl drain: cordons the node, then evicts its pods, unless some pod is refused (then none is evicted): pods without a controller ' +
      'need force, DaemonSet-managed pods need ignoreDaemonSets (and stay), pods with emptyDir volumes need deleteEmptyDirData. ' +
      'Finished pods always go. Pods a disruption budget protects for now are returned as blocked, to retry. Does not wait for the pods to be gone.',
  })
  drainNode(
    @Arg('name', () => String) name: string,
    @Arg('gracePeriodSeconds', () => Int, { nullable: true, description: "Absent: each pod's terminationGracePeriodSeconds." }) gracePeriodSeconds: number | undefined,
    @Arg('force', () => Boolean, { nullable: true }) force: boolean | undefined,
    @Arg('ignoreDaemonSets', () => Boolean, { nullable: true }) ignoreDaemonSets: boolean | undefined,
    @Arg('deleteEmptyDirData', () => Boolean, { nullable: true }) deleteEmptyDirData: boolean | undefined,
    @Arg('dryRun', () => Boolean, { nullable: true }) dryRun: boolean | undefined,
    @Arg('podSelector', () => String, { nullable: true, description: 'kubectl drain --pod-selector: only pods matching this label selector are drained.' }) podSelector:
      | string
      | undefined,
    @Ctx() ctx: ApiContext,
  ) {
    checkGrace(gracePeriodSeconds);
    return drainNode(
      ctx.store,
      name,
      {
        gracePeriodSeconds: gracePeriodSeconds ?? undefined,
        force: force ?? false,
        ignoreDaemonSets: ignoreDaemonSets ?? false,
        deleteEmptyDirData: deleteEmptyDirData ?? false,
        podSelector: podSelector ?? undefined,
      },
      { actor: ctx.actor, dryRun: dryRun ?? false },
    );
  }
}

function checkGrace(seconds: number | null | undefined): void {
  if (seconds !== null && seconds !== undefined && seconds < 0) {
    throw new ApiError('BAD_USER_INPUT', `gracePeriodSeconds: Invalid value: ${seconds}: must be greater than or equal to 0`, 'gracePeriodSeconds');
  }
}
