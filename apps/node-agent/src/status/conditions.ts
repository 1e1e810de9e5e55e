// Pod conditions as the kubelet generates them (pkg/kubelet/status/generate.go).
import type { Condition, ContainerStatus, PodSpec } from '@wheelhouse/model';
import type { PodPhase } from '../types.js';

export const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

type Verdict = Pick<Condition, 'status' | 'reason' | 'message'>;

/**
 * A pod spec with Kubernetes' readinessGates. The API does not serve that field yet, so
 * the model lacks it and no gate ever applies until it does; the rule is kept as kubelet has it.
 */
export type PodSpecWithGates = PodSpec & { readinessGates?: readonly { conditionType: string }[] };

/** Go prints a []string as `[a b]`. */
const list = (names: string[]) => `[${names.join(' ')}]`;

export function initializedCondition(spec: PodSpec, initStatuses: readonly ContainerStatus[], phase: PodPhase): Verdict {
  const inits = spec.initContainers ?? [];
  if (inits.length === 0) return { status: 'True' };
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = initStatuses.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name ?? '');
    else if (s.state?.terminated?.exitCode !== 0) incomplete.push(c.name ?? '');
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { status: 'True', reason: 'PodCompleted' };
  const messages = [];
  if (unknown.length) messages.push(`containers with unknown status: ${list(unknown)}`);
  if (incomplete.length) messages.push(`containers with incomplete status: ${list(incomplete)}`);
  if (!messages.length) return { status: 'True' };
  return { status: 'False', reason: 'ContainersNotInitialized', message: messages.join(', ') };
}

export function containersReadyCondition(spec: PodSpec, statuses: readonly ContainerStatus[], phase: PodPhase): Verdict {
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of spec.containers ?? []) {
    const s = statuses.find((x) => x.name === c.name);
    if (!s) unknown.push(c.name ?? '');
    else if (!s.ready) unready.push(c.name ?? '');
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { status: 'False', reason: 'PodCompleted' };
  const messages = [];
  if (unknown.length) messages.push(`containers with unknown status: ${list(unknown)}`);
  if (unready.length) messages.push(`containers with unready status: ${list(unready)}`);
  if (!messages.length) return { status: 'True' };
  return { status: 'False', reason: 'ContainersNotReady', message: messages.join(', ') };
}

/** Ready: the containers, and every readiness gate's condition True. */
export function readyCondition(spec: PodSpecWithGates, containersReady: Verdict, existing: readonly Condition[]): Verdict {
  if (containersReady.status !== 'True') return containersReady;
  const gateMessages: string[] = [];
  for (const gate of spec.readinessGates ?? []) {
    const c = existing.find((x) => x.type === gate.conditionType);
    if (!c) gateMessages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True') gateMessages.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
  }
  if (gateMessages.length) return { status: 'False', reason: 'ReadinessGatesNotReady', message: gateMessages.join(', ') };
  return { status: 'True' };
}

/** A condition that keeps its lastTransitionTime while its status stays the same. */
export function withTransition(type: string, verdict: Verdict, previous: readonly Condition[], now: string): Condition {
  const before = previous.find((c) => c.type === type);
  const lastTransitionTime = before && before.status === verdict.status && before.lastTransitionTime ? before.lastTransitionTime : now;
  const condition: Condition = { type, status: verdict.status, lastTransitionTime };
  if (verdict.reason) condition.reason = verdict.reason;
  if (verdict.message) condition.message = verdict.message;
  return condition;
}
