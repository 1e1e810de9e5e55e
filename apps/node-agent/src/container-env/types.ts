// The slices of a pod and container that environment resolution reads.

export interface EnvVarSource {
  fieldRef?: { apiVersion?: string; fieldPath: string } | null;
  resourceFieldRef?: { containerName?: string; resource: string; divisor?: string | number } | null;
  configMapKeyRef?: { name?: string; key: string; optional?: boolean } | null;
  secretKeyRef?: { name?: string; key: string; optional?: boolean } | null;
}

export interface EnvVar {
  name: string;
  value?: string | null;
  valueFrom?: EnvVarSource | null;
}

export interface EnvFromSource {
  prefix?: string;
  configMapRef?: { name?: string; optional?: boolean } | null;
  secretRef?: { name?: string; optional?: boolean } | null;
}

export interface ResourceList {
  [resource: string]: string | number;
}

export interface EnvContainer {
  name: string;
  command?: string[] | null;
  args?: string[] | null;
  env?: EnvVar[] | null;
  envFrom?: EnvFromSource[] | null;
  resources?: { limits?: ResourceList | null; requests?: ResourceList | null } | null;
}

export interface EnvPod {
  metadata: { name?: string; namespace?: string; uid?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { serviceAccountName?: string; containers?: EnvContainer[]; initContainers?: EnvContainer[] } | null;
}

/** The ConfigMaps and Secrets the node can see (its informers' caches); absent objects are undefined. */
export interface ConfigObjects {
  configMap(namespace: string, name: string): { data?: Record<string, string> } | undefined;
  /** `data` base64-encoded, as the API serves it. */
  secret(namespace: string, name: string): { data?: Record<string, string> } | undefined;
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
  /** Told of envFrom keys skipped as invalid variable names (the kubelet's InvalidEnvironmentVariableNames event). */
  onInvalidNames?: (message: string) => void;
}
