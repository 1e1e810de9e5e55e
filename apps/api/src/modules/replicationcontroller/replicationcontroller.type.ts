import { InputType, ObjectType } from 'type-graphql';
import { IntField, StrMap, Obj } from '../common/fields.js';
import { PodTemplateSpec } from '../common/pod-template.type.js';
import { resourceClasses } from '../common/resource-class.js';
import { ReplicaSetStatus } from '../replicaset/replicaset.type.js';

@ObjectType({ simpleResolvers: true })
@InputType('ReplicationControllerSpecInput')
export class ReplicationControllerSpec {
  @IntField() replicas?: number;
  @IntField() minReadySeconds?: number;
  @StrMap('Label key → value; defaults to the template labels') selector?: Record<string, string>;
  @Obj(() => PodTemplateSpec) template?: PodTemplateSpec;
}

export const { output: ReplicationController, input: ReplicationControllerInput } = resourceClasses('ReplicationController', ReplicationControllerSpec, ReplicaSetStatus);
