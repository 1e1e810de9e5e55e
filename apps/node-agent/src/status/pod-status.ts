// The heart of the agent: a pod's whole status from what the worker knows, computed the
// way the kubelet computes it (generateAPIPodStatus). Pure: same input, same status.
import type { Condition, Pod, PodStatus } from '@wheelhouse/model';
import type { ContainerRecord } from './container-record.js';
import { containerStatus } from './container-status.js';
import { CONDITION_ORDER, containersReadyCondition, initializedCondition, readyCondition, withTransition, type PodSpecWithGates } from './conditions.js';
import { isTerminalPhase, podPhase } from './phase.js';
import { qosClass } from './qos.js';

export interface PodStatusInput {
  pod: Pod;
  /** By container name; a container without a record has not been started yet. */
  records: ReadonlyMap<string, ContainerRecord>;
  /** Present once the sandbox exists (the pod has its IP). */
  sandbox?: { podIP: string };
  hostIP: string;
  runtimeName: string;
  /** The pod is being torn down (deleted, or its containers killed for good). */
  terminating: boolean;
  /** RFC 3339, second precision. */
  now: string;
  /** The agent failed the pod itself (e.g. DeadlineExceeded): phase Failed with this reason. */
  failure?: { reason: string; message: string };
}

export function computePodStatus(input: PodStatusInput): PodStatus {
  const { pod, records, now } = input;
  const old = pod.status ?? {};
  const oldConditions = old.conditions ?? [];
  const spec: PodSpecWithGates = pod.spec ?? {};
  const hasInit = (spec.initContainers ?? []).length > 0;
  const ctx = (init: boolean) => ({ runtimeName: input.runtimeName, init, defaultWaitingReason: hasInit ? ('PodInitializing' as const) : ('ContainerCreating' as const) });

  const initContainerStatuses = (spec.initContainers ?? []).map((c) => containerStatus(c, records.get(c.name ?? ''), ctx(true)));
  const containerStatuses = (spec.containers ?? []).map((c) => containerStatus(c, records.get(c.name ?? ''), ctx(false)));

  // The status manager never moves a pod out of a terminal phase.
  const phase = isTerminalPhase(old.phase) ? old.phase : input.failure ? 'Failed' : podPhase(spec, initContainerStatuses, containerStatuses, input.terminating);

  const containersReady = containersReadyCondition(spec, containerStatuses, phase);
  const computed: Record<string, Pick<Condition, 'status' | 'reason' | 'message'>> = {
    PodReadyToStartContainers: { status: input.sandbox ? 'True' : 'False' },
    Initialized: initializedCondition(spec, initContainerStatuses, phase),
    Ready: readyCondition(spec, containersReady, oldConditions),
    ContainersReady: containersReady,
    PodScheduled: oldConditions.find((c) => c.type === 'PodScheduled') ?? { status: 'True' },
  };
  const conditions: Condition[] = CONDITION_ORDER.map((type) =>
    type === 'PodScheduled' && oldConditions.some((c) => c.type === type) ? oldConditions.find((c) => c.type === type)! : withTransition(type, computed[type]!, oldConditions, now),
  );
  // Conditions others own (readiness gates, DisruptionTarget) stay as they are.
  conditions.push(...oldConditions.filter((c) => !CONDITION_ORDER.includes(c.type ?? '')));

  const status: PodStatus = {
    phase,
    conditions,
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    startTime: old.startTime ?? now,
    containerStatuses,
    qosClass: old.qosClass ?? qosClass(spec),
  };
  // A hostNetwork pod has the node's address (kubelet: PodIP = HostIP).
  const podIP = input.sandbox ? (spec.hostNetwork ? input.hostIP : input.sandbox.podIP) : old.podIP;
  if (podIP) {
    status.podIP = podIP;
    status.podIPs = [{ ip: podIP }];
  }
  if (hasInit) status.initContainerStatuses = initContainerStatuses;
  if (input.failure) Object.assign(status, input.failure);
  return status;
}
