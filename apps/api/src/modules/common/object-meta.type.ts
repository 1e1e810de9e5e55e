import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { StringMap } from './scalars.js';

@ObjectType({ simpleResolvers: true })
@InputType('OwnerReferenceInput')
export class OwnerReference {
  @Field(() => String, { nullable: true }) apiVersion?: string;
  @Field(() => String, { nullable: true }) kind?: string;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) uid?: string;
  @Field(() => Boolean, { nullable: true }) controller?: boolean;
  @Field(() => Boolean, { nullable: true }) blockOwnerDeletion?: boolean;
}

/** Kubernetes ObjectMeta. Server-owned fields are accepted on input (so `get -o yaml` output applies again) and ignored. */
@ObjectType({ simpleResolvers: true })
@InputType('ObjectMetaInput')
export class ObjectMeta {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) generateName?: string;
  @Field(() => String, { nullable: true }) namespace?: string;
  @Field(() => String, { nullable: true }) uid?: string;
  @Field(() => String, { nullable: true, description: 'Digits of the global revision counter at the last write.' }) resourceVersion?: string;
  @Field(() => Int, { nullable: true }) generation?: number;
  @Field(() => StringMap, { nullable: true }) labels?: Record<string, string>;
  @Field(() => StringMap, { nullable: true }) annotations?: Record<string, string>;
  @Field(() => String, { nullable: true }) creationTimestamp?: string;
  @Field(() => String, { nullable: true }) deletionTimestamp?: string;
  @Field(() => Int, { nullable: true }) deletionGracePeriodSeconds?: number;
  @Field(() => [OwnerReference], { nullable: true }) ownerReferences?: OwnerReference[];
  @Field(() => [String], { nullable: true }) finalizers?: string[];
}

@ObjectType({ simpleResolvers: true })
export class ListMeta {
  @Field(() => String) resourceVersion!: string;
  @Field(() => String, { nullable: true, description: 'Pass to the next call to get the next page; absent on the last page.' }) continue?: string;
}
