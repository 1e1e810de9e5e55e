// SetDefaults_HorizontalPodAutoscaler of Kubernetes' pkg/apis/autoscaling/v2/defaults.go.
import type { HPAScalingRules, HorizontalPodAutoscalerLike, HorizontalPodAutoscalerSpecLike } from './hpa-types.js';

/** autoscaling.DefaultCPUUtilization: the metric of an HPA that names none. */
export const DEFAULT_CPU_UTILIZATION = 80;

/** GenerateHPAScaleUpRules' defaults: no stabilization, the larger of 4 pods or 100% per 15s. */
export const DEFAULT_SCALE_UP_RULES: HPAScalingRules = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};

/**
 * GenerateHPAScaleDownRules' defaults: 100% per 15s. The stabilization window stays unset in
 * the object, as upstream: the controller then uses its downscale stabilization (300s).
 */
export const DEFAULT_SCALE_DOWN_RULES: HPAScalingRules = {
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** minReplicas 1; CPU at 80% when no metric is named; a given behavior's unset fields from the defaults. */
export function defaultHorizontalPodAutoscaler<T extends HorizontalPodAutoscalerLike>(hpa: T): T & { spec: HorizontalPodAutoscalerSpecLike } {
  const spec: HorizontalPodAutoscalerSpecLike = { ...(hpa.spec ?? {}) };
  if (spec.minReplicas === undefined || spec.minReplicas === null) spec.minReplicas = 1;
  if (!spec.metrics || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  if (spec.behavior) {
    spec.behavior = { scaleUp: withDefaults(spec.behavior.scaleUp, DEFAULT_SCALE_UP_RULES), scaleDown: withDefaults(spec.behavior.scaleDown, DEFAULT_SCALE_DOWN_RULES) };
  }
  return { ...hpa, spec };
}

/** copyHPAScalingRules: every unset field from the defaults. */
function withDefaults(rules: HPAScalingRules | null | undefined, defaults: HPAScalingRules): HPAScalingRules {
  const out: HPAScalingRules = { ...(rules ?? {}) };
  if ((out.stabilizationWindowSeconds === undefined || out.stabilizationWindowSeconds === null) && defaults.stabilizationWindowSeconds !== undefined) {
    out.stabilizationWindowSeconds = defaults.stabilizationWindowSeconds;
  }
  if (out.selectPolicy === undefined || out.selectPolicy === null) out.selectPolicy = defaults.selectPolicy;
  if (out.policies === undefined || out.policies === null) out.policies = defaults.policies!.map((p) => ({ ...p }));
  return out;
}
