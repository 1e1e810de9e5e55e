// ResolveFenceposts and the rolling-update bounds derived from it (deployment_util.go),
// plus the API validation of maxSurge/maxUnavailable (ValidateRollingUpdateDeployment).
import type { Deployment } from '@wheelhouse/model';
import type { IntOrString } from '../common/vocabulary.js';
import { scaledValueFromIntOrPercent } from './int-or-percent.js';
import { isRollingUpdate, replicasOf, rollingUpdateOf } from './spec.js';

export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

/**
 * maxSurge rounds up and maxUnavailable rounds down, so percentages never block progress
 * by surging too little nor hurt availability by rounding unavailability up. If both
 * come out 0 (only possible through rounding, validation forbids it as input),
 * maxUnavailable becomes 1 — surging might be impossible under a quota. A missing value
 * counts as 0. Throws when a string is not a percentage.
 */
export function resolveFenceposts(maxSurge: IntOrString | null | undefined, maxUnavailable: IntOrString | null | undefined, desired: number): Fenceposts {
  const surge = scaledValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = scaledValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { maxSurge: surge, maxUnavailable: unavailable };
}

/** Extra pods a rolling update may run above spec.replicas (0 for Recreate). */
export function maxSurgeOf(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return specFenceposts(d).maxSurge;
}

/** Pods a rolling update may have unavailable, at most spec.replicas (0 for Recreate or 0 replicas). */
export function maxUnavailableOf(d: Deployment): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(specFenceposts(d).maxUnavailable, replicas);
}

// Malformed values resolve to 0/0 here: validation rejects them before they get this far.
function specFenceposts(d: Deployment): Fenceposts {
  const { maxSurge, maxUnavailable } = rollingUpdateOf(d);
  try {
    return resolveFenceposts(maxSurge, maxUnavailable, replicasOf(d));
  } catch {
    return { maxSurge: 0, maxUnavailable: 0 };
  }
}

/** Pods that must stay available during a rolling update (0 for Recreate). */
export function minAvailableOf(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0;
  return replicasOf(d) - maxUnavailableOf(d);
}

const PERCENT = /^[0-9]+%$/;

/**
 * The API's objections to a rolling-update pair, as `field: message` strings (empty when
 * valid): each must be a non-negative integer or percentage, maxUnavailable at most 100%,
 * and both may not be zero as given (before any rounding).
 */
export function validateRollingUpdate(maxSurge: IntOrString, maxUnavailable: IntOrString): string[] {
  const problems = [...positiveIntOrPercentProblems('maxUnavailable', maxUnavailable), ...positiveIntOrPercentProblems('maxSurge', maxSurge)];
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0) {
    problems.push('maxUnavailable: may not be 0 when `maxSurge` is 0');
  }
  if (typeof maxUnavailable === 'string' && PERCENT.test(maxUnavailable) && intOrPercentValue(maxUnavailable) > 100) {
    problems.push('maxUnavailable: must not be greater than 100%');
  }
  return problems;
}

function positiveIntOrPercentProblems(field: string, value: IntOrString): string[] {
  if (typeof value === 'number') return value < 0 ? [`${field}: must be greater than or equal to 0`] : [];
  if (!PERCENT.test(value)) return [`${field}: a valid percent string must be a numeric string followed by an ending '%'`];
  return [];
}

// getIntOrPercentValue: the number, the number before '%', or a numeric string (else 0).
function intOrPercentValue(value: IntOrString): number {
  if (typeof value === 'number') return value;
  const digits = PERCENT.test(value) ? value.slice(0, -1) : value;
  return /^[+-]?[0-9]+$/.test(digits) ? Number(digits) : 0;
}
