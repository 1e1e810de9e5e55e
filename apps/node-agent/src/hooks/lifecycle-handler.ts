// Contract for running a container's postStart / preStop handler (implemented in this folder).
import type { LifecycleHandler } from '@wheelhouse/model';
import type { ProbeTarget } from '../probes/probe-worker.js';

/** Kubernetes LifecycleHandler: exactly one of exec, httpGet, sleep (the API validates it). */
export type LifecycleHandlerSpec = LifecycleHandler;

export interface HandlerResult {
  ok: boolean;
  /** Kubernetes-style, for the FailedPostStartHook / FailedPreStopHook event. */
  message?: string;
}

export type RunLifecycleHandler = (handler: LifecycleHandlerSpec, target: ProbeTarget, timeoutMs: number) => Promise<HandlerResult>;
