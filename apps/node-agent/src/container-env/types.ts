// The pod and container as environment resolution reads them, and what only the node knows.

// The model's shapes, under the names environment resolution has always used.
import type { Service } from '@wheelhouse/model';

export type { Container as EnvContainer, EnvFromSource, EnvVar, EnvVarSource, Pod as EnvPod } from '@wheelhouse/model';

export interface ResourceList {
  [resource: string]: string | number;
}

/** The ConfigMaps and Secrets the node can see (its informers' caches); absent objects are undefined. */
export interface ConfigObjects {
  configMap(namespace: string, name: string): { data?: Record<string, string>; binaryData?: Record<string, string> } | undefined;
  /** `data` base64-encoded, as the API serves it. */
  secret(namespace: string, name: string): { data?: Record<string, string> } | undefined;
}

/** The Services the node can see, by namespace (its informer's cache). */
export interface ServiceLister {
  list(namespace: string): Service[];
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
  /** Sources of configMapKeyRef, secretKeyRef and envFrom; absent: none exist. */
  configObjects?: ConfigObjects;
  /** Sources of the Service environment variables; absent: no Service exists. */
  services?: ServiceLister;
  /** Told of envFrom keys skipped as invalid variable names (the kubelet's InvalidEnvironmentVariableNames event). */
  onInvalidNames?: (message: string) => void;
}
