import { Field, InputType, ObjectType } from 'type-graphql';
import { Pod } from '../pod/pod.type.js';

@InputType({ description: 'One Binding: the pod (optionally pinned to its uid) and the node it goes to.' })
export class PodBindingInput {
  @Field(() => String, { nullable: true }) namespace?: string;
  @Field(() => String) name!: string;
  @Field(() => String) nodeName!: string;
  @Field(() => String, { nullable: true, description: 'When given, the pod must still have this uid (NOT_FOUND otherwise).' }) uid?: string;
}

@ObjectType({ simpleResolvers: true, description: 'Why one binding of a batch was refused.' })
export class PodBindingError {
  @Field(() => String, { description: 'NOT_FOUND, CONFLICT or BAD_USER_INPUT.' }) code!: string;
  @Field(() => String) message!: string;
  @Field(() => String, { nullable: true, description: 'For BAD_USER_INPUT: the field of the item.' }) field?: string;
}

@ObjectType({ simpleResolvers: true, description: 'The outcome of one binding of bindPods: the bound pod, or the error.' })
export class PodBindingResult {
  @Field(() => String) namespace!: string;
  @Field(() => String) name!: string;
  @Field(() => Pod, { nullable: true }) pod?: unknown;
  @Field(() => PodBindingError, { nullable: true }) error?: PodBindingError;
}
