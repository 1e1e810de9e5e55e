import { Field, InputType, ObjectType } from 'type-graphql';
import { ObjectMeta } from './object-meta.type.js';
import { PodSpec } from '../pod/pod.type.js';

@ObjectType({ simpleResolvers: true })
@InputType('PodTemplateSpecInput')
export class PodTemplateSpec {
  @Field(() => ObjectMeta, { nullable: true }) metadata?: ObjectMeta;
  @Field(() => PodSpec, { nullable: true }) spec?: PodSpec;
}
