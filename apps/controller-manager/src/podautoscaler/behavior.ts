// The replica normalization of Kubernetes' pkg/controller/podautoscaler/horizontal.go:
// stabilization windows, the scale-up/scale-down policies (selectPolicy Max/Min/Disabled) and
// min/max, with behavior (normalizeDesiredReplicasWithBehaviors) and without
// (normalizeDesiredReplicas: downscale stabilization only, scale-up at most max(2×, 4)). The
// history the controller keeps per HPA in memory is an input and an output here.
import type { HPAScalingRules } from '@wheelhouse/resources';

/** --horizontal-pod-autoscaler-downscale-stabilization. */
export const DEFAULT_DOWNSCALE_STABILIZATION_SECONDS = 300;

export interface Recommendation {
  replicas: number;
  at: number;
}
export interface ScaleEvent {
  change: number;
  at: number;
}
export interface ScalingHistory {
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
}
export const emptyHistory = (): ScalingHistory => ({ recommendations: [], scaleUpEvents: [], scaleDownEvents: [] });

export interface ConditionChange {
  status: 'True' | 'False';
  reason: string;
  message: string;
}

export interface Normalized {
  replicas: number;
  /** AbleToScale (ScaleUpStabilized, ScaleDownStabilized or ReadyForNewScale). */
  ableToScale: ConditionChange;
  /** ScalingLimited (TooManyReplicas, ScaleUpLimit, DesiredWithinRange…). */
  scalingLimited: ConditionChange;
  history: ScalingHistory;
}

export interface NormalizeInput {
  currentReplicas: number;
  desiredReplicas: number;
  minReplicas: number;
  maxReplicas: number;
  /** Undefined: the HPA has no behavior (the older algorithm). */
  behavior?: { scaleUp: HPAScalingRules; scaleDown: HPAScalingRules };
  history: ScalingHistory;
  now: number;
  downscaleStabilizationSeconds?: number;
}

const READY: ConditionChange = { status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const WITHIN = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };

/** Replaces the oldest sample outside every window, or appends (upstream keeps the list bounded that way). */
function record(recommendations: Recommendation[], replicas: number, now: number, isOld: (r: Recommendation) => boolean): Recommendation[] {
  let old = -1;
  recommendations.forEach((r, i) => {
    if (isOld(r)) old = i;
  });
  const sample = { replicas, at: now };
  return old >= 0 ? recommendations.map((r, i) => (i === old ? sample : r)) : [...recommendations, sample];
}

export function normalizeDesiredReplicas(input: NormalizeInput): Normalized {
  return input.behavior ? withBehavior(input, input.behavior) : withoutBehavior(input);
}

/** normalizeDesiredReplicas: the highest recommendation of the downscale window, then convertDesiredReplicasWithRules. */
function withoutBehavior(input: NormalizeInput): Normalized {
  const cutoff = input.now - (input.downscaleStabilizationSeconds ?? DEFAULT_DOWNSCALE_STABILIZATION_SECONDS) * 1000;
  let stabilized = input.desiredReplicas;
  for (const r of input.history.recommendations) if (r.at >= cutoff && r.replicas > stabilized) stabilized = r.replicas;
  const recommendations = record(input.history.recommendations, input.desiredReplicas, input.now, (r) => r.at < cutoff);
  const ableToScale: ConditionChange =
    stabilized !== input.desiredReplicas
      ? { status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' }
      : READY;
  const limited = convertDesiredReplicasWithRules(input.currentReplicas, stabilized, input.minReplicas, input.maxReplicas);
  return {
    replicas: limited.replicas,
    ableToScale,
    scalingLimited: { status: limited.replicas === stabilized ? 'False' : 'True', reason: limited.reason, message: limited.message },
    history: { ...input.history, recommendations },
  };
}

/** calculateScaleUpLimit of the behavior-less algorithm: at most double, at least 4. */
export const scaleUpLimit = (currentReplicas: number) => Math.max(2 * currentReplicas, 4);

export function convertDesiredReplicasWithRules(currentReplicas: number, desiredReplicas: number, minReplicas: number, maxReplicas: number) {
  const limit = scaleUpLimit(currentReplicas);
  const [maximum, reason, message] =
    maxReplicas > limit
      ? [limit, 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate']
      : [maxReplicas, 'TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
  if (desiredReplicas < minReplicas) return { replicas: minReplicas, reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
  if (desiredReplicas > maximum) return { replicas: maximum, reason, message };
  return { replicas: desiredReplicas, ...WITHIN };
}

/** normalizeDesiredReplicasWithBehaviors: stabilizeRecommendationWithBehaviors, then convertDesiredReplicasWithBehaviorRate. */
function withBehavior(input: NormalizeInput, behavior: { scaleUp: HPAScalingRules; scaleDown: HPAScalingRules }): Normalized {
  const upWindow = behavior.scaleUp.stabilizationWindowSeconds ?? 0;
  const downWindow = behavior.scaleDown.stabilizationWindowSeconds ?? input.downscaleStabilizationSeconds ?? DEFAULT_DOWNSCALE_STABILIZATION_SECONDS;
  const upCutoff = input.now - upWindow * 1000;
  const downCutoff = input.now - downWindow * 1000;
  let upRecommendation = input.desiredReplicas;
  let downRecommendation = input.desiredReplicas;
  for (const r of input.history.recommendations) {
    if (r.at > upCutoff) upRecommendation = Math.min(r.replicas, upRecommendation);
    if (r.at > downCutoff) downRecommendation = Math.max(r.replicas, downRecommendation);
  }
  let stabilized = Math.max(input.currentReplicas, upRecommendation);
  stabilized = Math.min(stabilized, downRecommendation);
  const recommendations = record(input.history.recommendations, input.desiredReplicas, input.now, (r) => r.at < upCutoff && r.at < downCutoff);
  const ableToScale: ConditionChange =
    stabilized === input.desiredReplicas
      ? READY
      : input.desiredReplicas >= input.currentReplicas
        ? { status: 'True', reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' }
        : { status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
  const limited = convertDesiredReplicasWithBehaviorRate({ ...input, desiredReplicas: stabilized }, behavior);
  return {
    replicas: limited.replicas,
    ableToScale,
    scalingLimited: { status: limited.replicas === stabilized ? 'False' : 'True', reason: limited.reason, message: limited.message },
    history: { ...input.history, recommendations },
  };
}

export function convertDesiredReplicasWithBehaviorRate(input: NormalizeInput, behavior: { scaleUp: HPAScalingRules; scaleDown: HPAScalingRules }) {
  const { currentReplicas: current, desiredReplicas: desired, history, now } = input;
  if (desired > current) {
    const limit = Math.max(current, scaleUpLimitWithRules(current, history.scaleUpEvents, history.scaleDownEvents, behavior.scaleUp, now));
    const [maximum, reason, message] =
      input.maxReplicas > limit
        ? [limit, 'ScaleUpLimit', 'the desired replica count is increasing faster than the maximum scale rate']
        : [input.maxReplicas, 'TooManyReplicas', 'the desired replica count is more than the maximum replica count'];
    if (desired > maximum) return { replicas: maximum, reason, message };
  } else if (desired < current) {
    const limit = Math.min(current, scaleDownLimitWithRules(current, history.scaleUpEvents, history.scaleDownEvents, behavior.scaleDown, now));
    const [minimum, reason, message] =
      input.minReplicas < limit
        ? [limit, 'ScaleDownLimit', 'the desired replica count is decreasing faster than the maximum scale rate']
        : [input.minReplicas, 'TooFewReplicas', 'the desired replica count is less than the minimum replica count'];
    if (desired < minimum) return { replicas: minimum, reason, message };
  }
  return { replicas: desired, ...WITHIN };
}

/** getReplicasChangePerPeriod. */
const changeInPeriod = (periodSeconds: number, events: readonly ScaleEvent[], now: number) =>
  events.filter((e) => e.at > now - periodSeconds * 1000).reduce((sum, e) => sum + e.change, 0);

/** calculateScaleUpLimitWithScalingRules: the most pods the policies allow (Max) or the fewest (Min), from the period's start. */
export function scaleUpLimitWithRules(current: number, upEvents: readonly ScaleEvent[], downEvents: readonly ScaleEvent[], rules: HPAScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max;
  let result = rules.selectPolicy === 'Min' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  for (const policy of rules.policies ?? []) {
    const periodStart = current - changeInPeriod(policy.periodSeconds ?? 0, upEvents, now) + changeInPeriod(policy.periodSeconds ?? 0, downEvents, now);
    const proposed = policy.type === 'Pods' ? periodStart + (policy.value ?? 0) : Math.ceil(periodStart * (1 + (policy.value ?? 0) / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** calculateScaleDownLimitWithBehaviors: the fewest pods the policies allow to remain (Max) or the most (Min). */
export function scaleDownLimitWithRules(current: number, upEvents: readonly ScaleEvent[], downEvents: readonly ScaleEvent[], rules: HPAScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min;
  let result = rules.selectPolicy === 'Min' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  for (const policy of rules.policies ?? []) {
    const periodStart = current - changeInPeriod(policy.periodSeconds ?? 0, upEvents, now) + changeInPeriod(policy.periodSeconds ?? 0, downEvents, now);
    const proposed = policy.type === 'Pods' ? periodStart - (policy.value ?? 0) : Math.trunc(periodStart * (1 - (policy.value ?? 0) / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** storeScaleEvent: remembers a rescale for the policies' periods (events older than the longest period are dropped). */
export function storeScaleEvent(history: ScalingHistory, behavior: NormalizeInput['behavior'], previous: number, next: number, now: number): ScalingHistory {
  if (!behavior || previous === next) return history;
  const up = next > previous;
  const rules = up ? behavior.scaleUp : behavior.scaleDown;
  const longest = Math.max(0, ...(rules.policies ?? []).map((p) => p.periodSeconds ?? 0)) * 1000;
  const keep = (events: ScaleEvent[]) => events.filter((e) => e.at > now - longest);
  const event = { change: Math.abs(next - previous), at: now };
  return up ? { ...history, scaleUpEvents: [...keep(history.scaleUpEvents), event] } : { ...history, scaleDownEvents: [...keep(history.scaleDownEvents), event] };
}
