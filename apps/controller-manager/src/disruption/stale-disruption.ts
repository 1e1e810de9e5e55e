// The disruption controller's stale-condition cleanup (disruption.go syncStalePodDisruption,
// nonTerminatingPodHasStaleDisruptionCondition): a pod marked DisruptionTarget=True that is
// still not terminating two minutes later was not disrupted after all (its eviction failed
// half-way); the condition goes back to False so its owner does not count it as disrupted.
import type { Pod } from '@wheelhouse/model';

export const STALE_POD_DISRUPTION_TIMEOUT_MS = 2 * 60 * 1000;

type Conditions = NonNullable<NonNullable<Pod['status']>['conditions']>;

export type StaleDisruption = { action: 'none' } | { action: 'requeueAfter'; ms: number } | { action: 'clear'; conditions: Conditions };

export function decideStaleDisruption(pod: Pod, now: Date): StaleDisruption {
  if (pod.metadata.deletionTimestamp) return { action: 'none' };
  const phase = pod.status?.phase;
  const conditions = pod.status?.conditions ?? [];
  const condition = conditions.find((c) => c.type === 'DisruptionTarget');
  // The kubelet's own disruption may take any time before the pod terminates; finished pods keep theirs.
  if (condition?.status !== 'True' || condition.reason === 'TerminationByKubelet' || phase === 'Succeeded' || phase === 'Failed') return { action: 'none' };
  const since = condition.lastTransitionTime ? Date.parse(condition.lastTransitionTime) : 0;
  const waitFor = STALE_POD_DISRUPTION_TIMEOUT_MS - (now.getTime() - since);
  if (waitFor > 0) return { action: 'requeueAfter', ms: waitFor };
  return { action: 'clear', conditions: conditions.map((c) => (c === condition ? { type: 'DisruptionTarget', status: 'False', lastTransitionTime: now.toISOString() } : c)) };
}
