import { toTimestamp, type KindInfo, type KubeObject } from '@wheelhouse/resources';
import { deepEqual } from './deep-equal.js';
import { checkPrecondition } from './plan-update.js';
import type { WriteClock, WritePlan } from './write-plan.js';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: PropagationPolicy;
  /** Kubernetes' `preconditions.resourceVersion`. */
  resourceVersion?: string;
}

/** The finalizer the garbage collector acts on for each propagation policy (as in Kubernetes). */
const POLICY_FINALIZER: Record<PropagationPolicy, string | undefined> = {
  Background: undefined,
  Foreground: 'foregroundDeletion',
  Orphan: 'orphan',
};

/**
 * A delete either removes the object now, or marks it terminating: finalizers (and a
 * kind's own graceful rules) keep it, with deletionTimestamp set, until they are done.
 */
export function planDelete(kind: KindInfo, current: KubeObject, options: DeleteOptions, clock: WriteClock): WritePlan {
  checkPrecondition(kind, current, options.resourceVersion, 'resourceVersion');
  const expectedResourceVersion = current.metadata.resourceVersion!;
  const finalizers = withPolicyFinalizer(current, options.propagationPolicy);
  let next: KubeObject = { ...current, metadata: { ...current.metadata, finalizers } };

  const graceful = kind.beginTermination?.(next, options.gracePeriodSeconds, clock.now()) ?? null;
  if (graceful === null && finalizers.length === 0) return { type: 'delete', object: next, expectedResourceVersion };
  if (graceful) next = graceful;
  if (!next.metadata.deletionTimestamp || !graceful) {
    next = {
      ...next,
      metadata: {
        ...next.metadata,
        deletionTimestamp: next.metadata.deletionTimestamp ?? toTimestamp(clock.now()),
        deletionGracePeriodSeconds: graceful?.metadata.deletionGracePeriodSeconds ?? 0,
      },
    };
  }
  if (!current.metadata.deletionTimestamp) next.metadata.generation = (current.metadata.generation ?? 1) + 1;
  if (deepEqual(next, current)) return { type: 'unchanged', object: current };
  return { type: 'update', object: next, expectedResourceVersion };
}

function withPolicyFinalizer(current: KubeObject, policy: PropagationPolicy | undefined): string[] {
  const finalizers = current.metadata.finalizers ?? [];
  const added = policy ? POLICY_FINALIZER[policy] : undefined;
  if (!added || current.metadata.deletionTimestamp || finalizers.includes(added)) return finalizers;
  return [...finalizers, added];
}
