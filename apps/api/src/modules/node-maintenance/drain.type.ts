import { Field, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type.js';

@ObjectType({ simpleResolvers: true, description: 'A pod drainNode looked at, and why it stayed when it did.' })
export class DrainPod {
  @Field(() => String) namespace!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "kubectl's reason or warning for this pod, e.g. 'Pods that declare no controller (use --force to override)'." })
  reason?: string;
}

@ObjectType({ simpleResolvers: true, description: 'What kubectl drain reports: the cordon, the evictions, and what blocked or was left alone.' })
export class DrainResult {
  @Field(() => Node, { description: 'The node after the call.' }) node!: unknown;
  @Field(() => Boolean, { description: 'True when this call cordoned the node (kubectl: "node/x cordoned"); false when it was already cordoned.' })
  cordoned!: boolean;
  @Field(() => [DrainPod], { description: 'Pods evicted (gracefully deleted; their node agent finishes them). Empty when any pod was refused.' })
  evicted!: DrainPod[];
  @Field(() => [DrainPod], {
    description:
      'Pods whose disruption budget refused the eviction for now (TOO_MANY_REQUESTS, reason: "Cannot evict pod as it would violate the pod\'s disruption budget."). ' +
      'Not errors: retry evictPod for them until it passes, as kubectl drain does every 5s.',
  })
  blocked!: DrainPod[];
  @Field(() => [DrainPod], { description: 'Pods left on the node on purpose: DaemonSet-managed pods with ignoreDaemonSets, mirror pods.' })
  skipped!: DrainPod[];
  @Field(() => [DrainPod], { description: 'Pods that block the drain, with the flag that would allow them.' }) refused!: DrainPod[];
  @Field(() => [String], { description: 'kubectl\'s warnings, e.g. "deleting Pods that declare no controller: default/x".' }) warnings!: string[];
  @Field(() => [String], {
    description: 'kubectl\'s errors, e.g. "cannot delete Pods that declare no controller (use --force to override): default/x". The drain is incomplete when any.',
  })
  errors!: string[];
}
