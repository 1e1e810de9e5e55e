import { InputType, ObjectType } from 'type-graphql';
import { IntField, List, Obj } from '../common/fields.js';
import { Condition } from '../common/condition.type.js';
import { LabelSelector } from '../common/label-selector.type.js';
import { PodTemplateSpec } from '../common/pod-template.type.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('ReplicaSetSpecInput')
export class ReplicaSetSpec {
  @IntField() replicas?: number;
  @IntField() minReadySeconds?: number;
  @Obj(() => LabelSelector) selector?: LabelSelector;
  @Obj(() => PodTemplateSpec) template?: PodTemplateSpec;
}

/** The status ReplicaSets and ReplicationControllers share. */
@ObjectType({ simpleResolvers: true })
@InputType('ReplicaSetStatusInput')
export class ReplicaSetStatus {
  @IntField() replicas?: number;
  @IntField() fullyLabeledReplicas?: number;
  @IntField() readyReplicas?: number;
  @IntField() availableReplicas?: number;
  @IntField() observedGeneration?: number;
  @List(() => Condition) conditions?: Condition[];
}

export const { output: ReplicaSet, input: ReplicaSetInput } = resourceClasses('ReplicaSet', ReplicaSetSpec, ReplicaSetStatus);
