/** autoscaling/v2 HorizontalPodAutoscaler, as the validators, the controller and the printers see it. */
export interface CrossVersionObjectReference {
  apiVersion?: string | null;
  kind?: string | null;
  name?: string | null;
}

export interface MetricTarget {
  /** Utilization, Value or AverageValue. */
  type?: string | null;
  value?: string | number | null;
  averageValue?: string | number | null;
  averageUtilization?: number | null;
}

export interface MetricIdentifier {
  name?: string | null;
  selector?: unknown;
}

export interface MetricSpec {
  /** Resource, ContainerResource, Pods, Object or External. */
  type?: string | null;
  resource?: { name?: string | null; target?: MetricTarget | null } | null;
  containerResource?: { name?: string | null; container?: string | null; target?: MetricTarget | null } | null;
  pods?: { metric?: MetricIdentifier | null; target?: MetricTarget | null } | null;
  object?: { describedObject?: CrossVersionObjectReference | null; metric?: MetricIdentifier | null; target?: MetricTarget | null } | null;
  external?: { metric?: MetricIdentifier | null; target?: MetricTarget | null } | null;
}

export interface HPAScalingPolicy {
  /** Pods or Percent. */
  type?: string | null;
  value?: number | null;
  periodSeconds?: number | null;
}

export interface HPAScalingRules {
  stabilizationWindowSeconds?: number | null;
  /** Max, Min or Disabled. */
  selectPolicy?: string | null;
  policies?: HPAScalingPolicy[] | null;
}

export interface HorizontalPodAutoscalerSpecLike {
  scaleTargetRef?: CrossVersionObjectReference | null;
  minReplicas?: number | null;
  maxReplicas?: number | null;
  metrics?: MetricSpec[] | null;
  behavior?: { scaleUp?: HPAScalingRules | null; scaleDown?: HPAScalingRules | null } | null;
}

export interface MetricValueStatus {
  value?: string | null;
  averageValue?: string | null;
  averageUtilization?: number | null;
}

export interface MetricStatus {
  type?: string | null;
  resource?: { name?: string | null; current?: MetricValueStatus | null } | null;
  containerResource?: { name?: string | null; container?: string | null; current?: MetricValueStatus | null } | null;
  pods?: { metric?: MetricIdentifier | null; current?: MetricValueStatus | null } | null;
  object?: { describedObject?: CrossVersionObjectReference | null; metric?: MetricIdentifier | null; current?: MetricValueStatus | null } | null;
  external?: { metric?: MetricIdentifier | null; current?: MetricValueStatus | null } | null;
}

export interface HorizontalPodAutoscalerStatusLike {
  observedGeneration?: number | null;
  lastScaleTime?: string | null;
  currentReplicas?: number | null;
  desiredReplicas?: number | null;
  currentMetrics?: MetricStatus[] | null;
  conditions?: { type?: string | null; status?: string | null; reason?: string | null; message?: string | null; lastTransitionTime?: string | null }[] | null;
}

export interface HorizontalPodAutoscalerLike {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string | null; namespace?: string | null; generation?: number | string | null; resourceVersion?: string | null; creationTimestamp?: string | null };
  spec?: HorizontalPodAutoscalerSpecLike | null;
  status?: HorizontalPodAutoscalerStatusLike | null;
}
