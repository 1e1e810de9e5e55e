// Contract for running a container's postStart / preStop handler (implemented in this folder).
import type { ProbeTarget } from '../probes/probe-worker.js';

/** Kubernetes LifecycleHandler: exactly one of exec, httpGet, sleep. */
export interface LifecycleHandlerSpec {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: string; httpHeaders?: { name: string; value: string }[] };
  sleep?: { seconds: number };
}

export interface HandlerResult {
  ok: boolean;
  /** Kubernetes-style, for the FailedPostStartHook / FailedPreStopHook event. */
  message?: string;
}

export type RunLifecycleHandler = (handler: LifecycleHandlerSpec, target: ProbeTarget, timeoutMs: number) => Promise<HandlerResult>;
