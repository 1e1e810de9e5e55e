import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'cpu (e.g. 12m) and memory (e.g. 34Mi), as metrics.k8s.io reports usage.' })
export class ResourceUsage {
  @Field(() => String) cpu!: string;
  @Field(() => String) memory!: string;
}

@ObjectType()
export class MetricsMeta {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) namespace?: string;
}

@ObjectType({ description: "metrics.k8s.io PodMetrics; `usage` is the whole pod's (the sum over its containers)." })
export class PodMetrics {
  @Field(() => MetricsMeta) metadata!: MetricsMeta;
  @Field(() => String) timestamp!: string;
  @Field(() => String) window!: string;
  @Field(() => ResourceUsage) usage!: ResourceUsage;
}

@ObjectType({ description: 'metrics.k8s.io NodeMetrics: the usage of the pods the node runs.' })
export class NodeMetrics {
  @Field(() => MetricsMeta) metadata!: MetricsMeta;
  @Field(() => String) timestamp!: string;
  @Field(() => String) window!: string;
  @Field(() => ResourceUsage) usage!: ResourceUsage;
}
