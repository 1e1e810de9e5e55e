// What differs between real processes and a simulated fleet (kwok-style), as one object
// chosen once at start (mode.ts), so the rest of the agent never asks which mode it is in.
import type { RunLifecycleHandler } from '../hooks/lifecycle-handler.js';
import type { NodeHealth } from '../node/node-conditions.js';
import type { ProbeWorker, ProbeWorkerOptions } from '../probes/probe-worker.js';
import type { ContainerRuntime } from './runtime.js';

export interface RuntimeMode {
  /** A container runtime for one node this agent runs, with pod IPs from its podCIDR. */
  newRuntime(node: { name: string; podCIDR: string }): ContainerRuntime;
  /** One probe's worker (real HTTP, TCP and exec probes, or simulated verdicts). */
  startProbe(options: ProbeWorkerOptions): ProbeWorker;
  /** postStart / preStop handlers. */
  runHandler: RunLifecycleHandler;
  /** The node's pressure conditions. */
  health(): NodeHealth;
  /** Created/Started events for every container start (off for simulated fleets: too many). */
  startEvents: boolean;
}
