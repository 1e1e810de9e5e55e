// Contract for probing one container (implemented in this folder). The sync loop
// starts a worker per configured probe of a running container instance and
// reacts to its verdicts; the worker owns timing and thresholds.
import type { Probe } from '@wheelhouse/model';
import type { ContainerInstance, ContainerRuntime, PodSandbox } from '../runtime/runtime.js';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

/** The Kubernetes Probe object as stored in the pod spec (defaults already applied by the API). */
export type ProbeSpec = Probe;

export interface ProbeTarget {
  runtime: ContainerRuntime;
  sandbox: PodSandbox;
  instance: ContainerInstance;
  /** The container's named ports, so `port: "http"` resolves. */
  ports: { name?: string; containerPort: number }[];
}

export interface ProbeWorkerOptions {
  kind: ProbeKind;
  probe: ProbeSpec;
  target: ProbeTarget;
  /**
   * Called when the thresholded verdict changes: `true` after successThreshold
   * consecutive successes, `false` after failureThreshold consecutive failures.
   * The first verdict is reported too. `message` is Kubernetes-style, e.g.
   * 'Readiness probe failed: HTTP probe failed with statuscode: 503'.
   */
  onResult(success: boolean, message?: string): void;
}

export interface ProbeWorker {
  stop(): void;
}
