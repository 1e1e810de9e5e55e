// autoscaling/v1 → v2, as the API server converts (pkg/apis/autoscaling/v1/conversion.go):
// targetCPUUtilizationPercentage becomes a CPU Utilization Resource metric.
import { ApiError } from '../api-error.js';

const V1_SPEC_FIELDS = new Set(['scaleTargetRef', 'minReplicas', 'maxReplicas', 'targetCPUUtilizationPercentage']);

/** Converts an autoscaling/v1 manifest to autoscaling/v2; a field v1 does not have is refused by name. */
export function convertHorizontalPodAutoscalerV1(object: Record<string, unknown>): Record<string, unknown> {
  const { targetCPUUtilizationPercentage, ...spec } = (object.spec ?? {}) as Record<string, unknown>;
  for (const field of Object.keys(object.spec ?? {})) {
    if (!V1_SPEC_FIELDS.has(field)) throw new ApiError('BAD_USER_INPUT', `spec.${field}: unknown field "${field}" in autoscaling/v1 HorizontalPodAutoscalerSpec`, `spec.${field}`);
  }
  const metrics =
    targetCPUUtilizationPercentage === undefined || targetCPUUtilizationPercentage === null
      ? undefined
      : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: targetCPUUtilizationPercentage } } }];
  // A v1 status (from `get -o yaml`) does not carry over: the controller writes the v2 one.
  const { status: _status, ...rest } = object;
  return { ...rest, apiVersion: 'autoscaling/v2', spec: { ...spec, ...(metrics ? { metrics } : {}) } };
}
