// Reading a Deployment's spec with the apps/v1 defaults the API server would have applied.
// An absent field gets its default; for the two optional limits an explicit null means
// "not set" (Go's nil pointer), which is how Kubernetes' own tests build Deployments.
import type { Deployment } from '@wheelhouse/model';
import type { IntOrString } from '../common/vocabulary.js';

/** math.MaxInt32: the "no limit" sentinel of progressDeadlineSeconds and revisionHistoryLimit. */
export const MAX_INT32 = 2147483647;

export function replicasOf(d: Deployment): number {
  return d.spec?.replicas ?? 1;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** maxSurge and maxUnavailable, each defaulting to 25%. */
export function rollingUpdateOf(d: Deployment): { maxSurge: IntOrString; maxUnavailable: IntOrString } {
  const rollingUpdate = d.spec?.strategy?.rollingUpdate;
  return { maxSurge: rollingUpdate?.maxSurge ?? '25%', maxUnavailable: rollingUpdate?.maxUnavailable ?? '25%' };
}

export function minReadySecondsOf(d: Deployment): number {
  return d.spec?.minReadySeconds ?? 0;
}

/** Seconds without progress before the rollout is declared failed (default 600). */
export function progressDeadlineSecondsOf(d: Deployment): number | undefined {
  const seconds = d.spec?.progressDeadlineSeconds;
  return seconds === null ? undefined : (seconds ?? 600);
}

/** A deadline is set and is not the MaxInt32 "never" sentinel. */
export function hasProgressDeadline(d: Deployment): boolean {
  const seconds = progressDeadlineSecondsOf(d);
  return seconds !== undefined && seconds !== MAX_INT32;
}

/** Old ReplicaSets to keep for rollback (default 10). */
export function revisionHistoryLimitOf(d: Deployment): number | undefined {
  const limit = d.spec?.revisionHistoryLimit;
  return limit === null ? undefined : (limit ?? 10);
}

/** A limit is set and is not the MaxInt32 "keep everything" sentinel. */
export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const limit = revisionHistoryLimitOf(d);
  return limit !== undefined && limit !== MAX_INT32;
}
