// One container's status as the kubelet reports it (convertToAPIContainerStatuses).
import { createHash } from 'node:crypto';
import { constants } from 'node:os';
import { toTimestamp } from '@wheelhouse/resources';
import type { Container, ContainerState, ContainerStateTerminated, ContainerStatus } from '@wheelhouse/model';
import type { ContainerRecord, ExitedRun } from './container-record.js';

export interface ContainerStatusContext {
  runtimeName: string;
  /** ContainerCreating, or PodInitializing when the pod has init containers. */
  defaultWaitingReason: 'ContainerCreating' | 'PodInitializing';
  init: boolean;
}

export function containerStatus(spec: Container, record: ContainerRecord | undefined, ctx: ContainerStatusContext): ContainerStatus {
  const image = spec.image ?? '';
  const base = { name: spec.name, image, imageID: imageID(image), restartCount: record?.restartCount ?? 0 };
  const current = record?.current;
  if (!record || !current) {
    const waiting = record?.waiting ?? { reason: ctx.defaultWaitingReason };
    return { ...base, state: { waiting }, lastState: {}, ready: false, started: false };
  }
  const containerID = containerId(ctx.runtimeName, current.id);
  const previous: ContainerState = record.previous ? { terminated: terminated(record.previous.run, containerId(ctx.runtimeName, record.previous.id)) } : {};
  if (current.run.state === 'running') {
    return {
      ...base,
      containerID,
      state: { running: { startedAt: toTimestamp(current.run.startedAt) } },
      lastState: previous,
      ready: !ctx.init && record.ready && record.started,
      started: record.started,
    };
  }
  const exited = terminated(current.run, containerID);
  if (record.waiting) {
    // Exited and waiting for its restart (back-off): the exit becomes lastState.
    return { ...base, containerID, state: { waiting: record.waiting }, lastState: { terminated: exited }, ready: false, started: false };
  }
  // A finished init container counts as ready (kubelet: Terminated && ExitCode == 0).
  return { ...base, containerID, state: { terminated: exited }, lastState: previous, ready: ctx.init && exited.exitCode === 0, started: false };
}

function terminated(run: ExitedRun, containerID: string): ContainerStateTerminated {
  const t: ContainerStateTerminated = {
    exitCode: run.exitCode,
    reason: run.reason,
    startedAt: toTimestamp(run.startedAt),
    finishedAt: toTimestamp(run.finishedAt),
    containerID,
  };
  const signal = run.signal ? signalNumber(run.signal) : undefined;
  if (signal !== undefined) t.signal = signal;
  if (run.message) t.message = run.message;
  return t;
}

export function signalNumber(signal: string): number | undefined {
  return (constants.signals as Record<string, number>)[signal];
}

/** `<runtime>://<64 hex>`, like `containerd://…`: stable for one run of one container. */
export function containerId(runtimeName: string, instanceId: string): string {
  return `${runtimeName}://${createHash('sha256').update(instanceId).digest('hex')}`;
}

/** Images are not pulled; the digest is a stable stand-in derived from the reference. */
export function imageID(image: string): string {
  if (!image) return '';
  const repository = image.split('@')[0]!.replace(/:[^/:]+$/, '');
  return `${repository}@sha256:${createHash('sha256').update(image).digest('hex')}`;
}
