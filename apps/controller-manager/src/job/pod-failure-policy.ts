import type { PodFailurePolicyRuleLike } from '@wheelhouse/resources';
import { terminatedContainers } from './pod-outcome.js';
import type { Job, Pod } from './types.js';

export type FailurePolicyOutcome = { action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex'; message: string } | undefined;

/**
 * matchPodFailurePolicy: the first rule that matches a failed pod decides. Exit-code rules
 * look at containers that terminated with a non-zero code; condition rules at the pod's
 * conditions (DisruptionTarget for evictions and preemptions). No match counts the failure.
 */
export function matchPodFailurePolicy(job: Job, pod: Pod): FailurePolicyOutcome {
  const rules = job.spec?.podFailurePolicy?.rules ?? [];
  for (const [index, rule] of rules.entries()) {
    const matched = matchRule(rule, pod);
    if (matched === undefined) continue;
    const action = rule.action as NonNullable<FailurePolicyOutcome>['action'];
    return { action, message: `${matched} matching ${action} rule at index ${index}` };
  }
  return undefined;
}

function matchRule(rule: PodFailurePolicyRuleLike, pod: Pod): string | undefined {
  const podName = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
  if (rule.onExitCodes) {
    const { containerName, operator, values = [] } = rule.onExitCodes;
    for (const c of terminatedContainers(pod)) {
      if (c.exitCode === 0) continue;
      if (containerName !== undefined && containerName !== c.name) continue;
      const listed = values.includes(c.exitCode);
      if (operator === 'In' ? listed : !listed) return `Container ${c.name} for pod ${podName} failed with exit code ${c.exitCode}`;
    }
    return undefined;
  }
  for (const pattern of rule.onPodConditions ?? []) {
    const condition = (pod.status?.conditions ?? []).find((c) => c.type === pattern.type && c.status === (pattern.status ?? 'True'));
    if (condition) return `Pod ${podName} has condition ${pattern.type}`;
  }
  return undefined;
}
