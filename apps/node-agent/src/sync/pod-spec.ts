// What the pod worker reads off its pod's spec, as pure functions of the pod.
import type { Container, Pod } from '@wheelhouse/model';

/** The container (init or app) of that name, if the spec has one. */
export function containerSpec(pod: Pod, name: string): Container | undefined {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === name);
}

/** How long a stop may take: the deletion's grace period, else the spec's, else Kubernetes' 30 s. */
export function gracePeriodMs(pod: Pod): number {
  return (pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
}

/** POD_IP as containers see it: the node's address for hostNetwork pods. */
export function podAddress(pod: Pod, sandboxIP: string, hostIP: string): string {
  return pod.spec?.hostNetwork ? hostIP : sandboxIP;
}

/** The container's named ports, so a probe's or hook's `port: "http"` resolves. */
export function containerPorts(container: Container | undefined): { name?: string; containerPort: number }[] {
  return (container?.ports ?? []).map((p) => ({ name: p.name, containerPort: p.containerPort ?? 0 }));
}

/** App containers running an image the spec no longer names (the one mutable part of a container). */
export function changedImages(pod: Pod, startedImages: ReadonlyMap<string, string>): string[] {
  const apps = pod.spec?.containers ?? [];
  return [...startedImages].filter(([name, image]) => apps.some((c) => c.name === name && (c.image ?? '') !== image)).map(([name]) => name);
}
