import { InputType, ObjectType } from 'type-graphql';
import { IntField, List, Obj, QuantityField, Str } from '../common/fields.js';
import { Condition } from '../common/condition.type.js';
import { LabelSelector } from '../common/label-selector.type.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('CrossVersionObjectReferenceInput')
export class CrossVersionObjectReference {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Str() name?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('MetricTargetInput')
export class MetricTarget {
  @Str('Utilization, Value or AverageValue') type?: string;
  @QuantityField() value?: string;
  @QuantityField() averageValue?: string;
  @IntField('Percent of the pods’ requests') averageUtilization?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('MetricValueStatusInput')
export class MetricValueStatus {
  @QuantityField() value?: string;
  @QuantityField() averageValue?: string;
  @IntField() averageUtilization?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('MetricIdentifierInput')
export class MetricIdentifier {
  @Str() name?: string;
  @Obj(() => LabelSelector) selector?: LabelSelector;
}

@ObjectType({ simpleResolvers: true })
@InputType('ResourceMetricSourceInput')
export class ResourceMetricSource {
  @Str('cpu or memory') name?: string;
  @Obj(() => MetricTarget) target?: MetricTarget;
}

@ObjectType({ simpleResolvers: true })
@InputType('ContainerResourceMetricSourceInput')
export class ContainerResourceMetricSource {
  @Str() name?: string;
  @Str() container?: string;
  @Obj(() => MetricTarget) target?: MetricTarget;
}

@ObjectType({ simpleResolvers: true })
@InputType('PodsMetricSourceInput')
export class PodsMetricSource {
  @Obj(() => MetricIdentifier) metric?: MetricIdentifier;
  @Obj(() => MetricTarget) target?: MetricTarget;
}

@ObjectType({ simpleResolvers: true })
@InputType('ObjectMetricSourceInput')
export class ObjectMetricSource {
  @Obj(() => CrossVersionObjectReference) describedObject?: CrossVersionObjectReference;
  @Obj(() => MetricIdentifier) metric?: MetricIdentifier;
  @Obj(() => MetricTarget) target?: MetricTarget;
}

@ObjectType({ simpleResolvers: true })
@InputType('ExternalMetricSourceInput')
export class ExternalMetricSource {
  @Obj(() => MetricIdentifier) metric?: MetricIdentifier;
  @Obj(() => MetricTarget) target?: MetricTarget;
}

@ObjectType({ simpleResolvers: true })
@InputType('MetricSpecInput')
export class MetricSpec {
  @Str('Resource, ContainerResource, Pods, Object or External') type?: string;
  @Obj(() => ResourceMetricSource) resource?: ResourceMetricSource;
  @Obj(() => ContainerResourceMetricSource) containerResource?: ContainerResourceMetricSource;
  @Obj(() => PodsMetricSource) pods?: PodsMetricSource;
  @Obj(() => ObjectMetricSource) object?: ObjectMetricSource;
  @Obj(() => ExternalMetricSource) external?: ExternalMetricSource;
}

@ObjectType({ simpleResolvers: true })
@InputType('HPAScalingPolicyInput')
export class HPAScalingPolicy {
  @Str('Pods or Percent') type?: string;
  @IntField() value?: number;
  @IntField('The window the change is limited over') periodSeconds?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('HPAScalingRulesInput')
export class HPAScalingRules {
  @IntField('Past recommendations considered before scaling (scale down default 300)') stabilizationWindowSeconds?: number;
  @Str('Max (default), Min or Disabled') selectPolicy?: string;
  @List(() => HPAScalingPolicy) policies?: HPAScalingPolicy[];
}

@ObjectType({ simpleResolvers: true })
@InputType('HorizontalPodAutoscalerBehaviorInput')
export class HorizontalPodAutoscalerBehavior {
  @Obj(() => HPAScalingRules) scaleUp?: HPAScalingRules;
  @Obj(() => HPAScalingRules) scaleDown?: HPAScalingRules;
}

@ObjectType({ simpleResolvers: true })
@InputType('HorizontalPodAutoscalerSpecInput')
export class HorizontalPodAutoscalerSpec {
  @Obj(() => CrossVersionObjectReference, 'The workload scaled through its scale subresource') scaleTargetRef?: CrossVersionObjectReference;
  @IntField('Default 1') minReplicas?: number;
  @IntField() maxReplicas?: number;
  @List(() => MetricSpec, 'Default: CPU at 80% utilization') metrics?: MetricSpec[];
  @Obj(() => HorizontalPodAutoscalerBehavior) behavior?: HorizontalPodAutoscalerBehavior;
}

@ObjectType({ simpleResolvers: true })
@InputType('ResourceMetricStatusInput')
export class ResourceMetricStatus {
  @Str() name?: string;
  @Obj(() => MetricValueStatus) current?: MetricValueStatus;
}

@ObjectType({ simpleResolvers: true })
@InputType('ContainerResourceMetricStatusInput')
export class ContainerResourceMetricStatus {
  @Str() name?: string;
  @Str() container?: string;
  @Obj(() => MetricValueStatus) current?: MetricValueStatus;
}

@ObjectType({ simpleResolvers: true })
@InputType('PodsMetricStatusInput')
export class PodsMetricStatus {
  @Obj(() => MetricIdentifier) metric?: MetricIdentifier;
  @Obj(() => MetricValueStatus) current?: MetricValueStatus;
}

@ObjectType({ simpleResolvers: true })
@InputType('ObjectMetricStatusInput')
export class ObjectMetricStatus {
  @Obj(() => CrossVersionObjectReference) describedObject?: CrossVersionObjectReference;
  @Obj(() => MetricIdentifier) metric?: MetricIdentifier;
  @Obj(() => MetricValueStatus) current?: MetricValueStatus;
}

@ObjectType({ simpleResolvers: true })
@InputType('ExternalMetricStatusInput')
export class ExternalMetricStatus {
  @Obj(() => MetricIdentifier) metric?: MetricIdentifier;
  @Obj(() => MetricValueStatus) current?: MetricValueStatus;
}

@ObjectType({ simpleResolvers: true })
@InputType('MetricStatusInput')
export class MetricStatus {
  @Str() type?: string;
  @Obj(() => ResourceMetricStatus) resource?: ResourceMetricStatus;
  @Obj(() => ContainerResourceMetricStatus) containerResource?: ContainerResourceMetricStatus;
  @Obj(() => PodsMetricStatus) pods?: PodsMetricStatus;
  @Obj(() => ObjectMetricStatus) object?: ObjectMetricStatus;
  @Obj(() => ExternalMetricStatus) external?: ExternalMetricStatus;
}

@ObjectType({ simpleResolvers: true })
@InputType('HorizontalPodAutoscalerStatusInput')
export class HorizontalPodAutoscalerStatus {
  @IntField() observedGeneration?: number;
  @Str('When the autoscaler last changed the replicas') lastScaleTime?: string;
  @IntField() currentReplicas?: number;
  @IntField() desiredReplicas?: number;
  @List(() => MetricStatus) currentMetrics?: MetricStatus[];
  @List(() => Condition, 'AbleToScale, ScalingActive, ScalingLimited') conditions?: Condition[];
}

/** autoscaling/v2 HorizontalPodAutoscaler. */
export const { output: HorizontalPodAutoscaler, input: HorizontalPodAutoscalerInput } = resourceClasses(
  'HorizontalPodAutoscaler',
  HorizontalPodAutoscalerSpec,
  HorizontalPodAutoscalerStatus,
);
