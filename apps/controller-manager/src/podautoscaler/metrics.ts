// computeReplicasForMetrics of horizontal.go: one proposal per metric, the largest wins; a
// failed metric blocks scaling down (and everything when all fail).
import type { Pod } from '@wheelhouse/model';
import { quantityToMillis, type MetricSpec, type MetricStatus } from '@wheelhouse/resources';
import { averageValueReplicas, resourceReplicas, type CalculatorOptions, type PodMetrics } from './replica-calculator.js';

/** Pod usage per resource name (cpu, memory), in milli-units; an error when the metrics API could not be read. */
export type ResourceMetrics = { byResource: Map<string, PodMetrics> } | { error: string };

export interface MetricsOutcome {
  replicas: number;
  statuses: MetricStatus[];
  /** The metric that proposed `replicas`, for ValidMetricFound. */
  metricName: string;
  /** When computing failed: the ScalingActive condition and the error. */
  failure?: { reason: string; message: string; error: string };
  /** Warnings per failed metric (FailedGetResourceMetric, …). */
  events: { reason: string; message: string }[];
}

const NOT_SERVED: Record<string, string> = {
  ContainerResource: 'FailedGetContainerResourceMetric',
  Pods: 'FailedGetPodsMetric',
  Object: 'FailedGetObjectMetric',
  External: 'FailedGetExternalMetric',
};

/** A milli-unit count as a Quantity: `250m`, or whole units when exact. */
export const milliQuantity = (millis: number) => (millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`);

export function computeReplicasForMetrics(
  specs: readonly MetricSpec[],
  currentReplicas: number,
  pods: readonly Pod[],
  metrics: ResourceMetrics,
  options: CalculatorOptions,
): MetricsOutcome {
  const statuses: MetricStatus[] = [];
  const events: MetricsOutcome['events'] = [];
  let replicas = 0;
  let metricName = '';
  let invalid = 0;
  let first: { reason: string; error: string } | undefined;
  for (const spec of specs) {
    try {
      const proposal = computeOne(spec, currentReplicas, pods, metrics, options);
      statuses.push(proposal.status);
      if (replicas === 0 || proposal.replicas > replicas) {
        replicas = proposal.replicas;
        metricName = proposal.name;
      }
    } catch (error) {
      const failure = error as MetricFailure;
      statuses.push({});
      events.push({ reason: failure.reason ?? 'FailedGetResourceMetric', message: failure.message });
      first ??= { reason: failure.reason ?? 'FailedGetResourceMetric', error: failure.message };
      invalid++;
    }
  }
  const outcome: MetricsOutcome = { replicas, statuses, metricName, events };
  if (first && (invalid >= specs.length || replicas < currentReplicas)) {
    outcome.failure = {
      reason: first.reason,
      message: `the HPA was unable to compute the replica count: ${first.error}`,
      error: `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${first.error}`,
    };
  }
  return outcome;
}

class MetricFailure extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

function computeOne(spec: MetricSpec, currentReplicas: number, pods: readonly Pod[], metrics: ResourceMetrics, options: CalculatorOptions) {
  if (spec.type !== 'Resource') {
    const reason = NOT_SERVED[spec.type ?? ''] ?? 'InvalidMetricSourceType';
    throw new MetricFailure(reason, `unable to get ${spec.type} metric: Wheelhouse serves resource metrics (cpu and memory of whole pods) only`);
  }
  const name = spec.resource?.name ?? '';
  const target = spec.resource?.target ?? {};
  const fail = (detail: string) => new MetricFailure('FailedGetResourceMetric', `failed to get ${name} resource metric value: ${detail}`);
  if ('error' in metrics) throw fail(`unable to get metrics for resource ${name}: ${metrics.error}`);
  const samples = metrics.byResource.get(name);
  if (!samples) throw fail(`unable to get metrics for resource ${name}: the metrics API serves cpu and memory only`);
  try {
    if (target.averageValue !== undefined && target.averageValue !== null) {
      const targetMillis = Number(quantityToMillis(String(target.averageValue)) ?? 0);
      const { replicas, average } = averageValueReplicas(currentReplicas, targetMillis, name, pods, samples, options);
      return { replicas, name: `${name} resource`, status: { type: 'Resource', resource: { name, current: { averageValue: milliQuantity(average) } } } };
    }
    if (target.averageUtilization === undefined || target.averageUtilization === null)
      throw new Error('invalid resource metric source: neither a utilization target nor a value target was set');
    const out = resourceReplicas(currentReplicas, target.averageUtilization, name, pods, samples, options);
    return {
      replicas: out.replicas,
      name: `${name} resource utilization (percentage of request)`,
      status: { type: 'Resource', resource: { name, current: { averageUtilization: out.utilization, averageValue: milliQuantity(out.rawAverage) } } },
    };
  } catch (error) {
    throw fail(`failed to get ${name} utilization: ${(error as Error).message}`);
  }
}
