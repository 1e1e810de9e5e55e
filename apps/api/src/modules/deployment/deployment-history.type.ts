import { Field, Int, ObjectType } from 'type-graphql';
import { PodTemplateSpec } from '../common/pod-template.type.js';

@ObjectType({ simpleResolvers: true, description: 'One revision of a Deployment (kubectl rollout history).' })
export class DeploymentRevision {
  @Field(() => Int) revision!: number;
  @Field(() => String, { nullable: true, description: 'The kubernetes.io/change-cause annotation' }) changeCause?: string;
  @Field(() => String) replicaSetName!: string;
  @Field(() => PodTemplateSpec, { nullable: true }) template?: PodTemplateSpec;
  @Field(() => String, { nullable: true }) creationTimestamp?: string;
}
