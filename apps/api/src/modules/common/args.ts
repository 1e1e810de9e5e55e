import { ArgsType, Field, Int } from 'type-graphql';
import { DeletionPropagation } from './enums.js';

@ArgsType()
export class ClusterObjectArgs {
  @Field(() => String) name!: string;
}

@ArgsType()
export class NamespacedObjectArgs extends ClusterObjectArgs {
  @Field(() => String, { nullable: true, description: 'Defaults to "default".' }) namespace?: string;
}

@ArgsType()
export class ClusterListArgs {
  @Field(() => String, { nullable: true, description: 'Kubernetes label selector, e.g. "app=web,tier in (fe,be),!canary".' }) labelSelector?: string;
  @Field(() => String, { nullable: true, description: 'e.g. "metadata.name=x,status.phase!=Running".' }) fieldSelector?: string;
  @Field(() => Int, {
    nullable: true,
    description: 'Page size (at least 1; larger than the server maximum is served as the maximum, with a continue token); absent lists everything.',
  })
  limit?: number;
  @Field(() => String, { nullable: true }) continue?: string;
}

@ArgsType()
export class NamespacedListArgs extends ClusterListArgs {
  @Field(() => String, { nullable: true, description: 'Absent or null lists all namespaces.' }) namespace?: string;
}

@ArgsType()
export class ClusterWatchArgs {
  @Field(() => String, { nullable: true }) labelSelector?: string;
  @Field(() => String, { nullable: true }) fieldSelector?: string;
  @Field(() => String, {
    nullable: true,
    description: 'Send every change after this revision, then live changes. Absent: the current objects as ADDED first.',
  })
  resourceVersion?: string;
  @Field(() => Boolean, { nullable: true, description: 'Send BOOKMARK events carrying the latest resourceVersion when idle.' })
  allowWatchBookmarks?: boolean;
}

@ArgsType()
export class NamespacedWatchArgs extends ClusterWatchArgs {
  @Field(() => String, { nullable: true }) namespace?: string;
}

@ArgsType()
export class ClusterDeleteArgs extends ClusterObjectArgs {
  @Field(() => Int, { nullable: true }) gracePeriodSeconds?: number;
  @Field(() => DeletionPropagation, { nullable: true }) propagationPolicy?: DeletionPropagation;
  @Field(() => String, { nullable: true, description: 'Precondition: delete only at this resourceVersion.' }) resourceVersion?: string;
  @Field(() => Boolean, { nullable: true }) dryRun?: boolean;
}

@ArgsType()
export class NamespacedDeleteArgs extends ClusterDeleteArgs {
  @Field(() => String, { nullable: true }) namespace?: string;
}
