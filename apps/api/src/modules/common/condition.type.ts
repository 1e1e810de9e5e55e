import { Field, InputType, ObjectType } from 'type-graphql';

/** The condition shape shared by pods, nodes and (later) workloads. */
@ObjectType({ simpleResolvers: true })
@InputType('ConditionInput')
export class Condition {
  @Field(() => String, { nullable: true }) type?: string;
  @Field(() => String, { nullable: true }) status?: string;
  @Field(() => String, { nullable: true }) reason?: string;
  @Field(() => String, { nullable: true }) message?: string;
  @Field(() => String, { nullable: true }) lastTransitionTime?: string;
  @Field(() => String, { nullable: true }) lastProbeTime?: string;
  @Field(() => String, { nullable: true }) lastHeartbeatTime?: string;
  @Field(() => String, { nullable: true }) lastUpdateTime?: string;
}
