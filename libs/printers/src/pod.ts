/**
 * A pod's READY, STATUS and RESTARTS exactly as kubectl prints them: a port of printPod in
 * kubernetes pkg/printers/internalversion/printers.go (init containers, restartable init
 * containers (sidecars), SchedulingGated, NotReady, Signal/ExitCode, Terminating, NodeLost).
 */
import type { Condition, Container, ContainerStatus, Pod } from '@wheelhouse/model';
import { age } from './duration.js';

/** The pod reason the node lifecycle controller sets on pods of an unreachable node. */
export const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

export interface PodSummary {
  readyContainers: number;
  /** Regular containers plus restartable init containers (sidecars). */
  totalContainers: number;
  /** The STATUS column. */
  reason: string;
  restarts: number;
  /** finishedAt of the most recent restart counted in `restarts`, when known. */
  lastRestart?: string;
}

const isRestartableInitContainer = (c: Container | undefined) => c?.restartPolicy === 'Always';
const isTerminalPhase = (phase: string | undefined) => phase === 'Succeeded' || phase === 'Failed';
const conditionTrue = (conditions: readonly Condition[] | undefined, type: string) => (conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** Keeps the later of two RFC 3339 timestamps (Go's metav1.Time.Before on the zero time). */
function later(current: string | undefined, candidate: string | undefined): string | undefined {
  if (!candidate || Number.isNaN(Date.parse(candidate))) return current;
  return !current || Date.parse(current) < Date.parse(candidate) ? candidate : current;
}

function terminatedReason(status: ContainerStatus, prefix: string): string {
  const t = status.state!.terminated!;
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

export function podSummary(pod: Pod): PodSummary {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestart: string | undefined;
  let lastSidecarRestart: string | undefined;

  let reason = status.reason || status.phase || '';
  // A pod held by scheduling gates says so rather than Pending.
  for (const c of status.conditions ?? []) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name ?? '', c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (const [i, container] of initStatuses.entries()) {
    restarts += container.restartCount ?? 0;
    lastRestart = later(lastRestart, container.lastState?.terminated?.finishedAt);
    const sidecar = isRestartableInitContainer(initContainers.get(container.name ?? ''));
    if (sidecar) {
      sidecarRestarts += container.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, container.lastState?.terminated?.finishedAt);
    }
    const state = container.state ?? {};
    if (state.terminated && (state.terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && container.started === true) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (state.terminated) reason = terminatedReason(container, 'Init:');
    else if (state.waiting?.reason && state.waiting.reason !== 'PodInitializing') reason = `Init:${state.waiting.reason}`;
    else reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // The first container's state wins: walk them last to first.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]!;
      const state = container.state ?? {};
      restarts += container.restartCount ?? 0;
      lastRestart = later(lastRestart, container.lastState?.terminated?.finishedAt);
      if (state.waiting?.reason) reason = state.waiting.reason;
      else if (state.terminated) reason = terminatedReason(container, '');
      else if (container.ready && state.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Some containers completed while others still run: Running when the pod is Ready.
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !isTerminalPhase(status.phase)) reason = 'Terminating';

  return { readyContainers, totalContainers, reason, restarts, lastRestart };
}

/** The STATUS column. */
export const podStatus = (pod: Pod): string => podSummary(pod).reason;

/** The READY column: `ready/total`. */
export function podReady(pod: Pod): string {
  const s = podSummary(pod);
  return `${s.readyContainers}/${s.totalContainers}`;
}

/** The RESTARTS column: `3`, or `3 (10s ago)` when the last restart's time is known. */
export function podRestarts(pod: Pod, now: number): string {
  const s = podSummary(pod);
  return s.restarts !== 0 && s.lastRestart ? `${s.restarts} (${age(s.lastRestart, now)} ago)` : String(s.restarts);
}

/** `-o wide` columns: IP, NODE, NOMINATED NODE, READINESS GATES. */
export function podWideCells(pod: Pod): string[] {
  const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
  // Wheelhouse's PodSpec has no readinessGates (apps/api/schema.graphql), so there are never any to count.
  return [ip, pod.spec?.nodeName || '<none>', pod.status?.nominatedNodeName || '<none>', '<none>'];
}
