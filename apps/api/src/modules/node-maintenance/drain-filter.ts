/**
 * Which pods of a node `kubectl drain` may evict, and why not (k8s.io/kubectl/pkg/drain
 * filters.go): the filters run in kubectl's order and the first that says "do not
 * delete" decides. Pure: the drain mutation lists the pods and acts on the answer.
 */

export interface DrainablePod {
  metadata: {
    namespace?: string;
    name?: string;
    annotations?: Record<string, string> | null;
    ownerReferences?: { kind?: string; name?: string; controller?: boolean | null }[] | null;
  };
  spec?: { volumes?: { emptyDir?: unknown }[] | null } | null;
  status?: { phase?: string | null } | null;
}

export interface DrainOptions {
  /** Evict pods that declare no controller too. */
  force: boolean;
  /** Leave DaemonSet-managed pods where they are instead of refusing the drain. */
  ignoreDaemonSets: boolean;
  /** Evict pods with emptyDir volumes (their data is lost). */
  deleteEmptyDirData: boolean;
}

/** `evict`: may go; `skip`: stays, fine; `refuse`: stays and blocks the drain. */
export type DrainVerdict = { action: 'evict'; warning?: string } | { action: 'skip'; warning?: string } | { action: 'refuse'; reason: string };

export interface PodVerdict {
  pod: DrainablePod;
  verdict: DrainVerdict;
}

// kubectl's wording; its errors read "cannot delete <reason>: <namespace/name, ...>".
export const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
export const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
export const UNMANAGED_FATAL = 'Pods that declare no controller (use --force to override)';
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

/** Pods the kubelet creates from static manifests; the API cannot delete them for real. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

const OK: DrainVerdict = { action: 'evict' };

type Filter = (pod: DrainablePod, options: DrainOptions) => DrainVerdict;

const finished = (pod: DrainablePod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: DrainablePod) => (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);

/**
 * A DaemonSet would recreate its pod on the node at once (it ignores cordons). kubectl
 * also checks the DaemonSet still exists; Wheelhouse has no DaemonSet kind yet, so an
 * owner reference of kind DaemonSet is taken at its word.
 */
const daemonSetFilter: Filter = (pod, options) => {
  if (controllerOf(pod)?.kind !== 'DaemonSet' || finished(pod)) return OK;
  return options.ignoreDaemonSets ? { action: 'skip', warning: DAEMONSET_WARNING } : { action: 'refuse', reason: DAEMONSET_FATAL };
};

const mirrorPodFilter: Filter = (pod) => (pod.metadata.annotations && MIRROR_POD_ANNOTATION in pod.metadata.annotations ? { action: 'skip' } : OK);

const localStorageFilter: Filter = (pod, options) => {
  if (!(pod.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined && v.emptyDir !== null) || finished(pod)) return OK;
  return options.deleteEmptyDirData ? { action: 'evict', warning: LOCAL_STORAGE_WARNING } : { action: 'refuse', reason: LOCAL_STORAGE_FATAL };
};

/** Nobody would recreate a pod without a controller: evicting it loses it. */
const unreplicatedFilter: Filter = (pod, options) => {
  if (finished(pod) || controllerOf(pod)) return OK;
  return options.force ? { action: 'evict', warning: UNMANAGED_WARNING } : { action: 'refuse', reason: UNMANAGED_FATAL };
};

const FILTERS: Filter[] = [daemonSetFilter, mirrorPodFilter, localStorageFilter, unreplicatedFilter];

/** One pod's verdict: the first filter that keeps it decides; otherwise the last warning of those passed. */
export function drainVerdict(pod: DrainablePod, options: DrainOptions): DrainVerdict {
  let verdict: DrainVerdict = OK;
  for (const filter of FILTERS) {
    const next = filter(pod, options);
    if (next.action !== 'evict') return next;
    if (next.warning) verdict = next;
  }
  return verdict;
}

export interface DrainPlan {
  verdicts: PodVerdict[];
  /** kubectl's errors, one per reason: `cannot delete <reason>: ns/a, ns/b`. Any error means nothing is evicted. */
  errors: string[];
  /** kubectl's warnings, one per message: `<warning>: ns/a, ns/b`. */
  warnings: string[];
  /** The pods to evict, empty when there are errors (kubectl evicts nothing then). */
  toEvict: DrainablePod[];
}

export function planDrain(pods: DrainablePod[], options: DrainOptions): DrainPlan {
  const verdicts = pods.map((pod) => ({ pod, verdict: drainVerdict(pod, options) }));
  const errors = grouped(verdicts.flatMap(({ pod, verdict }) => (verdict.action === 'refuse' ? [[verdict.reason, pod] as const] : []))).map(
    ([reason, names]) => `cannot delete ${reason}: ${names}`,
  );
  const warnings = grouped(verdicts.flatMap(({ pod, verdict }) => (verdict.action !== 'refuse' && verdict.warning ? [[verdict.warning, pod] as const] : []))).map(
    ([warning, names]) => `${warning}: ${names}`,
  );
  const toEvict = errors.length > 0 ? [] : verdicts.filter((v) => v.verdict.action === 'evict').map((v) => v.pod);
  return { verdicts, errors, warnings, toEvict };
}

export const podRef = (pod: DrainablePod) => `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;

/** Messages in first-seen order, each with its pods' `ns/name` joined as kubectl does. */
function grouped(entries: (readonly [string, DrainablePod])[]): [string, string][] {
  const byMessage = new Map<string, string[]>();
  for (const [message, pod] of entries) byMessage.set(message, [...(byMessage.get(message) ?? []), podRef(pod)]);
  return [...byMessage].map(([message, names]) => [message, names.join(', ')]);
}
