// The pod a DaemonSet creates for one node (daemon/util: CreatePodTemplate,
// AddOrUpdateDaemonPodTolerations, ReplaceDaemonSetPodNodeNameNodeAffinity, GetTargetNodeName).
import type { Affinity, DaemonSet, Pod, PodSpec, Toleration } from '@wheelhouse/model';
import { TEMPLATE_GENERATION_ANNOTATION } from '@wheelhouse/resources';
import { newControllerRef } from '../common/owner-references.js';
import { CONTROLLER_REVISION_HASH_LABEL } from '../common/history/history.js';

/** extensions.DaemonSetTemplateGenerationKey: the template generation a pod was made from. */
export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** metav1.ObjectNameField: the node field a daemon pod's affinity pins. */
export const OBJECT_NAME_FIELD = 'metadata.name';

const exists = (key: string, effect: 'NoExecute' | 'NoSchedule'): Toleration => ({ key, operator: 'Exists', effect });

/**
 * The tolerations every daemon pod gets: it survives not-ready/unreachable evictions and
 * the condition taints (TaintNodesByCondition), and a host-network pod runs before the
 * node's network is up.
 */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const list = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (hostNetwork) list.push(exists('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  return list;
}

const sameToleration = (a: Toleration, b: Toleration) =>
  (a.key ?? '') === (b.key ?? '') && (a.operator || 'Equal') === (b.operator || 'Equal') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');

/** AddOrUpdateDaemonPodTolerations: each automatic toleration replaces an equal one or is appended. */
export function withDaemonPodTolerations(spec: PodSpec): PodSpec {
  const tolerations = [...(spec.tolerations ?? [])];
  for (const t of daemonPodTolerations(Boolean(spec.hostNetwork))) {
    const at = tolerations.findIndex((existing) => sameToleration(existing, t));
    if (at >= 0) tolerations[at] = t;
    else tolerations.push(t);
  }
  return { ...spec, tolerations };
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes one term,
 * `metadata.name In [node]` in matchFields, so the scheduler places the pod (and sees
 * its resources) rather than the controller writing spec.nodeName. The user's own
 * required terms were checked by the controller already; preferred ones stay.
 */
export function pinToNode(affinity: Affinity | undefined, nodeName: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: OBJECT_NAME_FIELD, operator: 'In', values: [nodeName] }] }] };
  return { ...(affinity ?? {}), nodeAffinity: { ...(affinity?.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: required } };
}

/** The DaemonSet's template generation (the apps/v1 annotation), when it has a valid one. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const value = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) ? n : undefined;
}

/** The daemon pod for `nodeName`: the template, the automatic tolerations, hash and generation labels, pinned by affinity. */
export function newDaemonPod(ds: DaemonSet, nodeName: string, hash: string): Pod {
  const template = ds.spec?.template ?? {};
  const generation = templateGeneration(ds);
  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}) };
  if (generation !== undefined) labels[POD_TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  const spec = withDaemonPodTolerations(structuredClone(template.spec ?? { containers: [] }));
  spec.affinity = pinToNode(spec.affinity, nodeName);
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      labels,
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [newControllerRef(ds, { apiVersion: 'apps/v1', kind: 'DaemonSet' })],
    },
    spec,
  };
  if (ds.metadata.namespace) pod.metadata.namespace = ds.metadata.namespace;
  return pod;
}

/** GetTargetNodeName: spec.nodeName once bound, else the node its matchFields affinity pins; undefined for neither. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const field of term.matchFields ?? []) {
      if (field.key === OBJECT_NAME_FIELD && field.operator === 'In' && field.values?.length === 1) return field.values[0];
    }
  }
  return undefined;
}

/** IsPodUpdated: the pod carries the current hash, or (for pods older than hashes) the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const generationMatches = generation !== undefined && labels[POD_TEMPLATE_GENERATION_LABEL] === String(generation);
  const hashMatches = hash.length > 0 && labels[CONTROLLER_REVISION_HASH_LABEL] === hash;
  return hashMatches || generationMatches;
}
