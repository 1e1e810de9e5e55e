// reconcileAutoscaler of Kubernetes' pkg/controller/podautoscaler/horizontal.go as a pure function:
// the target's scale and the pods' metrics in, the rescale, the status (conditions
// AbleToScale / ScalingActive / ScalingLimited, currentMetrics, desiredReplicas) and events out.
import type { Pod } from '@wheelhouse/model';
import type { HorizontalPodAutoscalerLike, HorizontalPodAutoscalerStatusLike, HPAScalingRules } from '@wheelhouse/resources';
import { DEFAULT_SCALE_DOWN_RULES, DEFAULT_SCALE_UP_RULES } from '@wheelhouse/resources';
import { normalizeDesiredReplicas, type ScalingHistory } from './behavior.js';
import { computeReplicasForMetrics, type ResourceMetrics } from './metrics.js';
import type { CalculatorOptions } from './replica-calculator.js';

type Condition = NonNullable<HorizontalPodAutoscalerStatusLike['conditions']>[number];
export type HpaEvent = { type: 'Normal' | 'Warning'; reason: string; message: string };

/** The scale subresource as the controller reads it: spec.replicas and the pods it selects (or why not). */
export type TargetScale = { replicas: number; pods: readonly Pod[] } | { error: string; selectorMissing?: boolean };

export interface AutoscalerInput {
  hpa: HorizontalPodAutoscalerLike;
  target: TargetScale;
  metrics: ResourceMetrics;
  history: ScalingHistory;
  now: Date;
  options: Omit<CalculatorOptions, 'now'> & { downscaleStabilizationSeconds: number };
}

export interface AutoscalerDecision {
  /** Set spec.replicas of the target to this, then apply `onRescaled` or `onRescaleFailed`. */
  rescale?: { replicas: number; reason: string };
  status: HorizontalPodAutoscalerStatusLike;
  events: HpaEvent[];
  history: ScalingHistory;
}

function setCondition(conditions: Condition[], type: string, status: string, reason: string, message: string, now: Date): Condition[] {
  const current = conditions.find((c) => c.type === type);
  const lastTransitionTime = current && current.status === status && current.lastTransitionTime ? current.lastTransitionTime : now.toISOString();
  const next = { type, status, reason, message, lastTransitionTime };
  return current ? conditions.map((c) => (c === current ? next : c)) : [...conditions, next];
}

export function decideAutoscaler(input: AutoscalerInput): AutoscalerDecision {
  const { hpa, target, now } = input;
  const spec = hpa.spec ?? {};
  const previous = hpa.status ?? {};
  const events: HpaEvent[] = [];
  let conditions = [...(previous.conditions ?? [])];
  const generation = Number(hpa.metadata?.generation ?? 1);

  if ('error' in target) {
    const reason = target.selectorMissing ? 'InvalidSelector' : 'FailedGetScale';
    if (target.selectorMissing) {
      conditions = setCondition(conditions, 'ScalingActive', 'False', reason, target.error, now);
      events.push({ type: 'Warning', reason: 'SelectorRequired', message: target.error });
    } else {
      conditions = setCondition(conditions, 'AbleToScale', 'False', reason, `the HPA controller was unable to get the target's current scale: ${target.error}`, now);
      events.push({ type: 'Warning', reason, message: target.error });
    }
    return { status: { ...previous, observedGeneration: generation, conditions }, events, history: input.history };
  }
  conditions = setCondition(conditions, 'AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale", now);

  const current = target.replicas;
  const min = spec.minReplicas ?? 1;
  const max = spec.maxReplicas ?? 0;
  // recordInitialRecommendation: the stabilization starts from the current size.
  let history = input.history.recommendations.length > 0 ? input.history : { ...input.history, recommendations: [{ replicas: current, at: now.getTime() }] };
  let desired = 0;
  let reason = '';
  let currentMetrics = previous.currentMetrics ?? [];

  if (current === 0 && min !== 0) {
    conditions = setCondition(conditions, 'ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero', now);
    return { status: status(previous, generation, current, 0, currentMetrics, conditions), events, history };
  }
  if (current > max) {
    reason = 'Current number of replicas above Spec.MaxReplicas';
    desired = max;
  } else if (current < min) {
    reason = 'Current number of replicas below Spec.MinReplicas';
    desired = min;
  } else {
    const outcome = computeReplicasForMetrics(spec.metrics ?? [], current, target.pods, input.metrics, { ...input.options, now });
    for (const e of outcome.events) events.push({ type: 'Warning', ...e });
    currentMetrics = outcome.statuses;
    if (outcome.failure) {
      conditions = setCondition(conditions, 'ScalingActive', 'False', outcome.failure.reason, outcome.failure.message, now);
      events.push({ type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: outcome.failure.error });
      // setCurrentReplicasAndMetricsInStatus: the desired count stays what it was.
      return { status: status(previous, generation, current, previous.desiredReplicas ?? 0, currentMetrics, conditions), events, history };
    }
    conditions = setCondition(
      conditions,
      'ScalingActive',
      'True',
      'ValidMetricFound',
      `the HPA was able to successfully calculate a replica count from ${outcome.metricName}`,
      now,
    );
    const normalized = normalizeDesiredReplicas({
      currentReplicas: current,
      desiredReplicas: outcome.replicas,
      minReplicas: min,
      maxReplicas: max,
      behavior: behaviorOf(spec.behavior),
      history,
      now: now.getTime(),
      downscaleStabilizationSeconds: input.options.downscaleStabilizationSeconds,
    });
    history = normalized.history;
    conditions = setCondition(conditions, 'AbleToScale', normalized.ableToScale.status, normalized.ableToScale.reason, normalized.ableToScale.message, now);
    conditions = setCondition(conditions, 'ScalingLimited', normalized.scalingLimited.status, normalized.scalingLimited.reason, normalized.scalingLimited.message, now);
    desired = normalized.replicas;
    const metricName = outcome.metricName.replace(/ \(percentage of request\)$/, '');
    if (desired > current) reason = `${metricName} above target`;
    if (desired < current) reason = 'All metrics below target';
  }

  const base = status(previous, generation, current, desired, currentMetrics, conditions);
  if (desired === current) return { status: base, events, history };
  return { rescale: { replicas: desired, reason }, status: base, events, history };
}

/** After a successful rescale: AbleToScale SucceededRescale, lastScaleTime, the SuccessfulRescale event. */
export function onRescaled(decision: AutoscalerDecision, now: Date): AutoscalerDecision {
  const { replicas, reason } = decision.rescale!;
  const conditions = setCondition(
    decision.status.conditions ?? [],
    'AbleToScale',
    'True',
    'SucceededRescale',
    `the HPA controller was able to update the target scale to ${replicas}`,
    now,
  );
  return {
    ...decision,
    status: { ...decision.status, lastScaleTime: now.toISOString(), conditions },
    events: [...decision.events, { type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${replicas}; reason: ${reason}` }],
  };
}

/** After a failed rescale: AbleToScale FailedUpdateScale, the FailedRescale event; the desired count stays what it was. */
export function onRescaleFailed(decision: AutoscalerDecision, previous: HorizontalPodAutoscalerStatusLike, error: string, now: Date): AutoscalerDecision {
  const { replicas, reason } = decision.rescale!;
  const conditions = setCondition(
    decision.status.conditions ?? [],
    'AbleToScale',
    'False',
    'FailedUpdateScale',
    `the HPA controller was unable to update the target scale: ${error}`,
    now,
  );
  return {
    ...decision,
    status: { ...decision.status, desiredReplicas: previous.desiredReplicas ?? 0, conditions },
    events: [...decision.events, { type: 'Warning', reason: 'FailedRescale', message: `New size: ${replicas}; reason: ${reason}; error: ${error}` }],
  };
}

function status(
  previous: HorizontalPodAutoscalerStatusLike,
  generation: number,
  currentReplicas: number,
  desiredReplicas: number,
  currentMetrics: HorizontalPodAutoscalerStatusLike['currentMetrics'],
  conditions: Condition[],
): HorizontalPodAutoscalerStatusLike {
  return {
    observedGeneration: generation,
    ...(previous.lastScaleTime ? { lastScaleTime: previous.lastScaleTime } : {}),
    currentReplicas,
    desiredReplicas,
    currentMetrics,
    conditions,
  };
}

/** The behavior with every unset field from the defaults (the API defaults given ones; an HPA without behavior uses the older algorithm). */
function behaviorOf(behavior: { scaleUp?: HPAScalingRules | null; scaleDown?: HPAScalingRules | null } | null | undefined) {
  if (!behavior) return undefined;
  return { scaleUp: { ...DEFAULT_SCALE_UP_RULES, ...(behavior.scaleUp ?? {}) }, scaleDown: { ...DEFAULT_SCALE_DOWN_RULES, ...(behavior.scaleDown ?? {}) } };
}
