// The disruption controller's sync (Kubernetes pkg/controller/disruption/disruption.go trySync,
// buildDisruptedPodMap, countHealthyPods, updatePdbStatus, failSafe) as a pure function.
import type { Pod, PodDisruptionBudget } from '@wheelhouse/model';
import { labelSelectorToSelector, matches } from '@wheelhouse/selectors';
import {
  DISRUPTION_ALLOWED_CONDITION,
  SYNC_FAILED_REASON,
  disruptionConditionUpToDate,
  setStatusCondition,
  withDisruptionAllowedCondition,
  type PodDisruptionBudgetSpecLike,
  type PodDisruptionBudgetStatusLike,
} from '@wheelhouse/resources';
import { isPodReady } from '../common/pod-predicates.js';
import { expectedPodCount, type WorkloadLookup } from './expected-pods.js';

/** How long a pod the eviction API let go may stay before the controller counts it again (DeletionTimeout). */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

export interface DisruptionInput {
  pdb: PodDisruptionBudget;
  /** Every pod of the PDB's namespace; the selector picks its own. */
  namespacePods: readonly Pod[];
  lookup: WorkloadLookup;
  now: Date;
}

export type DisruptionEvent = { object: 'pdb' | { pod: string }; type: 'Normal' | 'Warning'; reason: string; message: string };

export interface DisruptionDecision {
  /** The new status, or undefined when the stored one is already right. */
  status?: PodDisruptionBudgetStatusLike;
  events: DisruptionEvent[];
  /** When a disrupted pod's entry expires: sync again then. */
  recheckAfterMs?: number;
}

const generationOf = (pdb: PodDisruptionBudget) => Number(pdb.metadata.generation ?? 1);

/** trySync, and failSafe when it fails: no disruption allowed, DisruptionAllowed=False/SyncFailed with the error. */
export function decideDisruption(input: DisruptionInput): DisruptionDecision {
  try {
    return trySync(input);
  } catch (error) {
    const message = (error as Error).message;
    const current = (input.pdb.status ?? {}) as PodDisruptionBudgetStatusLike;
    const conditions = setStatusCondition(current.conditions ?? [], { type: DISRUPTION_ALLOWED_CONDITION, status: 'False', reason: SYNC_FAILED_REASON, message }, input.now);
    return {
      status: { ...current, disruptionsAllowed: 0, conditions },
      events: [{ object: 'pdb', type: 'Warning', reason: 'CalculateExpectedPodCountFailed', message: `Failed to calculate the number of expected pods: ${message}` }],
    };
  }
}

function trySync({ pdb, namespacePods, lookup, now }: DisruptionInput): DisruptionDecision {
  const spec = (pdb.spec ?? {}) as PodDisruptionBudgetSpecLike;
  const selector = labelSelectorToSelector(spec.selector as never);
  const pods = namespacePods.filter((p) => matches(selector, p.metadata.labels ?? {}));
  const events: DisruptionEvent[] = [];
  if (pods.length === 0) events.push({ object: 'pdb', type: 'Normal', reason: 'NoPods', message: 'No matching pods found' });

  const { expectedCount, desiredHealthy, unmanagedPods } = expectedPodCount(spec, pods, lookup);
  if (unmanagedPods.length > 0) {
    events.push({
      object: 'pdb',
      type: 'Warning',
      reason: 'UnmanagedPods',
      message:
        `Pods selected by this PodDisruptionBudget (selector: ${JSON.stringify(spec.selector)}) were found to be unmanaged. As a result, the status of the PDB ` +
        'cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.',
    });
  }

  const { disruptedPods, recheckAt, notDeleted } = buildDisruptedPodMap(pods, pdb, now);
  for (const pod of notDeleted) {
    events.push({
      object: { pod },
      type: 'Warning',
      reason: 'NotDeleted',
      message: `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.name} to be deleted but it wasn't`,
    });
  }
  const currentHealthy = countHealthyPods(pods, disruptedPods, now);
  const status = nextStatus(pdb, { currentHealthy, desiredHealthy, expectedCount, disruptedPods }, now);
  return { status, events, ...(recheckAt !== undefined ? { recheckAfterMs: Math.max(0, recheckAt - now.getTime()) } : {}) };
}

/** Entries for pods still there, not being deleted and within DeletionTimeout; the earliest expiry is when to look again. */
export function buildDisruptedPodMap(pods: readonly Pod[], pdb: PodDisruptionBudget, now: Date) {
  const recorded = (pdb.status?.disruptedPods ?? {}) as Record<string, string>;
  const disruptedPods: Record<string, string> = {};
  const notDeleted: string[] = [];
  let recheckAt: number | undefined;
  for (const pod of pods) {
    const name = pod.metadata.name ?? '';
    if (pod.metadata.deletionTimestamp || !(name in recorded)) continue;
    const expectedDeletion = Date.parse(recorded[name]!) + DELETION_TIMEOUT_MS;
    if (expectedDeletion < now.getTime()) notDeleted.push(name);
    else {
      if (recheckAt === undefined || expectedDeletion < recheckAt) recheckAt = expectedDeletion;
      disruptedPods[name] = recorded[name]!;
    }
  }
  return { disruptedPods, recheckAt, notDeleted };
}

/** Ready pods that are neither being deleted nor recently let go by the eviction API. */
export function countHealthyPods(pods: readonly Pod[], disruptedPods: Record<string, string>, now: Date): number {
  let healthy = 0;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const disrupted = disruptedPods[pod.metadata.name ?? ''];
    if (disrupted !== undefined && Date.parse(disrupted) + DELETION_TIMEOUT_MS > now.getTime()) continue;
    if (isPodReady(pod)) healthy++;
  }
  return healthy;
}

interface Counts {
  currentHealthy: number;
  desiredHealthy: number;
  expectedCount: number;
  disruptedPods: Record<string, string>;
}

/** updatePdbStatus: none allowed while the PDB expects no pods (its first pods may not be counted yet). */
function nextStatus(pdb: PodDisruptionBudget, c: Counts, now: Date): PodDisruptionBudgetStatusLike | undefined {
  const current = (pdb.status ?? {}) as PodDisruptionBudgetStatusLike;
  let disruptionsAllowed = c.currentHealthy - c.desiredHealthy;
  if (c.expectedCount <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
  const generation = generationOf(pdb);
  if (
    (current.currentHealthy ?? 0) === c.currentHealthy &&
    (current.desiredHealthy ?? 0) === c.desiredHealthy &&
    (current.expectedPods ?? 0) === c.expectedCount &&
    (current.disruptionsAllowed ?? 0) === disruptionsAllowed &&
    sameMap(current.disruptedPods ?? {}, c.disruptedPods) &&
    (current.observedGeneration ?? 0) === generation &&
    disruptionConditionUpToDate(current, generation)
  ) {
    return undefined;
  }
  const status: PodDisruptionBudgetStatusLike = {
    observedGeneration: generation,
    disruptedPods: c.disruptedPods,
    disruptionsAllowed,
    currentHealthy: c.currentHealthy,
    desiredHealthy: c.desiredHealthy,
    expectedPods: c.expectedCount,
    conditions: current.conditions ?? [],
  };
  return { ...status, conditions: withDisruptionAllowedCondition(status, now) };
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] !== undefined && Date.parse(a[k]!) === Date.parse(b[k]!));
}
