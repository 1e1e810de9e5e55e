// Kubernetes' pkg/controller/podautoscaler/replica_calculator.go (GetResourceReplicas,
// GetRawResourceReplicas/calcPlainMetricReplicas, groupPods, calculatePodRequests) and
// metrics/utilization.go, as pure functions over the pods and their metrics.
import type { Pod } from '@wheelhouse/model';
import { quantityToMillis } from '@wheelhouse/resources';

/** --horizontal-pod-autoscaler-tolerance. */
export const DEFAULT_TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
export const DELAY_OF_INITIAL_READINESS_STATUS_MS = 30_000;

/** One pod's usage of a resource, in milli-units (millicores, millibytes), as the metrics API sampled it. */
export interface PodMetric {
  value: number;
  timestamp: Date;
  windowMs: number;
}
export type PodMetrics = Map<string, PodMetric>;

export interface CalculatorOptions {
  tolerance: number;
  cpuInitializationPeriodMs: number;
  delayOfInitialReadinessStatusMs: number;
  now: Date;
}

export interface ResourceReplicas {
  replicas: number;
  /** Percent of the requests (Utilization targets). */
  utilization: number;
  /** Average usage per pod in milli-units. */
  rawAverage: number;
}

export class ReplicaCalculatorError extends Error {}

/** An unset timestamp compares as Go's zero time (year 1), as upstream's does. */
const GO_ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

const isWithin = (ratio: number, tolerance: number) => 1 - tolerance <= ratio && ratio <= 1 + tolerance;

/** GetResourceReplicas: a target utilization (percent of the pods' requests). */
export function resourceReplicas(
  currentReplicas: number,
  targetUtilization: number,
  resource: string,
  pods: readonly Pod[],
  fetched: PodMetrics,
  options: CalculatorOptions,
): ResourceReplicas {
  if (fetched.size === 0) throw new ReplicaCalculatorError(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  if (pods.length === 0) throw new ReplicaCalculatorError('no pods returned by selector while calculating replica count');
  const metrics = new Map(fetched);
  const { readyPodCount, unreadyPods, missingPods, ignoredPods } = groupPods(pods, metrics, resource, options);
  for (const name of [...ignoredPods, ...unreadyPods]) metrics.delete(name);
  if (metrics.size === 0) throw new ReplicaCalculatorError('did not receive metrics for targeted pods (pods might be unready)');
  const requests = podRequests(pods, resource);
  const { ratio: usageRatio, utilization, rawAverage } = utilizationRatio(metrics, requests, targetUtilization);
  const result = (replicas: number) => ({ replicas, utilization, rawAverage });

  const scaleUpWithUnready = unreadyPods.size > 0 && usageRatio > 1;
  if (!scaleUpWithUnready && missingPods.size === 0) {
    if (isWithin(usageRatio, options.tolerance)) return result(currentReplicas);
    return result(Math.ceil(usageRatio * readyPodCount));
  }
  if (missingPods.size > 0 && usageRatio !== 1) {
    // Scale-down: a pod without metrics counts as using its request (at least the target); scale-up: as idle.
    const fallbackUtilization = Math.max(100, targetUtilization);
    for (const name of missingPods)
      metrics.set(name, { value: usageRatio < 1 ? Math.trunc((requests.get(name)! * fallbackUtilization) / 100) : 0, timestamp: options.now, windowMs: 0 });
  }
  // Scale-up: unready pods count as idle (they will take load once ready).
  if (scaleUpWithUnready) for (const name of unreadyPods) metrics.set(name, { value: 0, timestamp: options.now, windowMs: 0 });
  const newRatio = utilizationRatio(metrics, requests, targetUtilization).ratio;
  if (isWithin(newRatio, options.tolerance) || (usageRatio < 1 && newRatio > 1) || (usageRatio > 1 && newRatio < 1)) return result(currentReplicas);
  const newReplicas = Math.ceil(newRatio * metrics.size);
  if ((newRatio < 1 && newReplicas > currentReplicas) || (newRatio > 1 && newReplicas < currentReplicas)) return result(currentReplicas);
  return result(newReplicas);
}

/** GetRawResourceReplicas / calcPlainMetricReplicas: a target average value per pod (milli-units). */
export function averageValueReplicas(
  currentReplicas: number,
  targetAverage: number,
  resource: string,
  pods: readonly Pod[],
  fetched: PodMetrics,
  options: CalculatorOptions,
): { replicas: number; average: number } {
  if (fetched.size === 0) throw new ReplicaCalculatorError(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  if (pods.length === 0) throw new ReplicaCalculatorError('no pods returned by selector while calculating replica count');
  const metrics = new Map(fetched);
  const { readyPodCount, unreadyPods, missingPods, ignoredPods } = groupPods(pods, metrics, resource, options);
  for (const name of [...ignoredPods, ...unreadyPods]) metrics.delete(name);
  if (metrics.size === 0) throw new ReplicaCalculatorError('did not receive metrics for targeted pods (pods might be unready)');
  const { ratio: usageRatio, average } = usageRatioOf(metrics, targetAverage);
  const result = (replicas: number) => ({ replicas, average });

  const scaleUpWithUnready = unreadyPods.size > 0 && usageRatio > 1;
  if (!scaleUpWithUnready && missingPods.size === 0) {
    if (isWithin(usageRatio, options.tolerance)) return result(currentReplicas);
    return result(Math.ceil(usageRatio * readyPodCount));
  }
  for (const name of missingPods) metrics.set(name, { value: usageRatio < 1 ? targetAverage : 0, timestamp: options.now, windowMs: 0 });
  if (scaleUpWithUnready) for (const name of unreadyPods) metrics.set(name, { value: 0, timestamp: options.now, windowMs: 0 });
  const newRatio = usageRatioOf(metrics, targetAverage).ratio;
  if (isWithin(newRatio, options.tolerance) || (usageRatio < 1 && newRatio > 1) || (usageRatio > 1 && newRatio < 1)) return result(currentReplicas);
  const newReplicas = Math.ceil(newRatio * metrics.size);
  if ((newRatio < 1 && newReplicas > currentReplicas) || (newRatio > 1 && newReplicas < currentReplicas)) return result(currentReplicas);
  return result(newReplicas);
}

/**
 * groupPods: terminating and failed pods are ignored; pending ones are unready; pods the
 * metrics API has nothing for are missing; for CPU, a pod that is not Ready, or whose sample
 * may predate its readiness during the initialization period, is unready.
 */
export function groupPods(pods: readonly Pod[], metrics: PodMetrics, resource: string, options: Omit<CalculatorOptions, 'tolerance'>) {
  let readyPodCount = 0;
  const unreadyPods = new Set<string>();
  const missingPods = new Set<string>();
  const ignoredPods = new Set<string>();
  const now = options.now.getTime();
  for (const pod of pods) {
    const name = pod.metadata.name ?? '';
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      ignoredPods.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      unreadyPods.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      missingPods.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const condition = pod.status?.conditions?.find((c) => c.type === 'Ready');
      const start = pod.status?.startTime ? Date.parse(pod.status.startTime) : undefined;
      let unready: boolean;
      if (!condition || start === undefined) unready = true;
      else {
        const transition = condition.lastTransitionTime ? Date.parse(condition.lastTransitionTime) : GO_ZERO_TIME;
        if (start + options.cpuInitializationPeriodMs > now) {
          unready = condition.status === 'False' || metric.timestamp.getTime() < transition + metric.windowMs;
        } else {
          unready = condition.status === 'False' && start + options.delayOfInitialReadinessStatusMs > transition;
        }
      }
      if (unready) {
        unreadyPods.add(name);
        continue;
      }
    }
    readyPodCount++;
  }
  return { readyPodCount, unreadyPods, missingPods, ignoredPods };
}

/** calculatePodRequests: the sum of the containers' (and restartable init containers') requests, in milli-units. */
export function podRequests(pods: readonly Pod[], resource: string): Map<string, number> {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
    let sum = 0;
    for (const container of [...(pod.spec?.containers ?? []), ...sidecars]) {
      const request = (container.resources?.requests as Record<string, string> | undefined)?.[resource];
      const millis = request === undefined ? null : quantityToMillis(request);
      if (millis === null) throw new ReplicaCalculatorError(`missing request for ${resource} in container ${container.name ?? ''} of Pod ${pod.metadata.name}`);
      sum += Number(millis);
    }
    requests.set(pod.metadata.name ?? '', sum);
  }
  return requests;
}

/** GetResourceUtilizationRatio: integer percent of the summed requests, over the pods that have both. */
export function utilizationRatio(metrics: PodMetrics, requests: Map<string, number>, targetUtilization: number) {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [name, metric] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    metricsTotal += metric.value;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0) throw new ReplicaCalculatorError('no metrics returned matched known pods');
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / targetUtilization, utilization, rawAverage: Math.trunc(metricsTotal / entries) };
}

/** GetMetricUsageRatio: the average over every sample against the target average. */
export function usageRatioOf(metrics: PodMetrics, targetAverage: number) {
  let total = 0;
  for (const metric of metrics.values()) total += metric.value;
  const average = Math.trunc(total / metrics.size);
  return { ratio: average / targetAverage, average };
}
