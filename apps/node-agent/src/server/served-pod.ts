import type { ContainerRuntime } from '../runtime/runtime.js';
import type { Pod } from '@wheelhouse/model';

/** A pod the kubelet endpoints (logs, stats, exec) can reach, with the runtime that runs it. */
export interface ServedPod {
  pod: Pod;
  runtime: ContainerRuntime;
}
