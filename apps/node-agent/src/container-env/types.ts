// The pod and container as environment resolution reads them, and what only the node knows.

// The model's shapes, under the names environment resolution has always used.
export type { Container as EnvContainer, EnvFromSource, EnvVar, EnvVarSource, Pod as EnvPod } from '@wheelhouse/model';

export interface ResourceList {
  [resource: string]: string | number;
}

/** What only the node knows when the container starts. */
export interface EnvRuntimeValues {
  podIP: string;
  nodeName: string;
  hostIP: string;
  podIPs?: string[];
  hostIPs?: string[];
  /** The node's allocatable, used for limits a container does not set (as the kubelet does). */
  nodeAllocatable?: ResourceList;
}
