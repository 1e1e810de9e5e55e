import { InputType, ObjectType } from 'type-graphql';
import { Bool, IntField, IntOrStr, List, Obj, Str } from '../common/fields.js';
import { Condition } from '../common/condition.type.js';
import { LabelSelector } from '../common/label-selector.type.js';
import { PodTemplateSpec } from '../common/pod-template.type.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('RollingUpdateDeploymentInput')
export class RollingUpdateDeployment {
  @IntOrStr('Pods above the desired count during a rollout: a number or a percentage (rounded up)') maxSurge?: number | string;
  @IntOrStr('Pods that may be unavailable during a rollout: a number or a percentage (rounded down)') maxUnavailable?: number | string;
}

@ObjectType({ simpleResolvers: true })
@InputType('DeploymentStrategyInput')
export class DeploymentStrategy {
  @Str('RollingUpdate or Recreate') type?: string;
  @Obj(() => RollingUpdateDeployment) rollingUpdate?: RollingUpdateDeployment;
}

@ObjectType({ simpleResolvers: true })
@InputType('DeploymentSpecInput')
export class DeploymentSpec {
  @IntField() replicas?: number;
  @Obj(() => LabelSelector) selector?: LabelSelector;
  @Obj(() => PodTemplateSpec) template?: PodTemplateSpec;
  @Obj(() => DeploymentStrategy) strategy?: DeploymentStrategy;
  @IntField() minReadySeconds?: number;
  @IntField() revisionHistoryLimit?: number;
  @Bool() paused?: boolean;
  @IntField() progressDeadlineSeconds?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('DeploymentStatusInput')
export class DeploymentStatus {
  @IntField() observedGeneration?: number;
  @IntField() replicas?: number;
  @IntField() updatedReplicas?: number;
  @IntField() readyReplicas?: number;
  @IntField() availableReplicas?: number;
  @IntField() unavailableReplicas?: number;
  @List(() => Condition) conditions?: Condition[];
  @IntField() collisionCount?: number;
}

export const { output: Deployment, input: DeploymentInput } = resourceClasses('Deployment', DeploymentSpec, DeploymentStatus);
