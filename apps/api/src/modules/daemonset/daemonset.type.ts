import { InputType, ObjectType } from 'type-graphql';
import { IntField, IntOrStr, List, Obj, Str } from '../common/fields.js';
import { Condition } from '../common/condition.type.js';
import { LabelSelector } from '../common/label-selector.type.js';
import { PodTemplateSpec } from '../common/pod-template.type.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('RollingUpdateDaemonSetInput')
export class RollingUpdateDaemonSet {
  @IntOrStr('Nodes whose daemon pod may be unavailable during an update: a number or a percentage (rounded up); default 1') maxUnavailable?: number | string;
  @IntOrStr('Nodes that may run an updated pod beside the old one during an update; default 0 (only one of the two may be non-zero)')
  maxSurge?: number | string;
}

@ObjectType({ simpleResolvers: true })
@InputType('DaemonSetUpdateStrategyInput')
export class DaemonSetUpdateStrategy {
  @Str('RollingUpdate (default) or OnDelete') type?: string;
  @Obj(() => RollingUpdateDaemonSet) rollingUpdate?: RollingUpdateDaemonSet;
}

@ObjectType({ simpleResolvers: true })
@InputType('DaemonSetSpecInput')
export class DaemonSetSpec {
  @Obj(() => LabelSelector, 'Must match the template’s labels; immutable') selector?: LabelSelector;
  @Obj(() => PodTemplateSpec) template?: PodTemplateSpec;
  @Obj(() => DaemonSetUpdateStrategy) updateStrategy?: DaemonSetUpdateStrategy;
  @IntField('Seconds a new pod must be ready before it counts as available') minReadySeconds?: number;
  @IntField('Old ControllerRevisions kept for rollback; default 10') revisionHistoryLimit?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('DaemonSetStatusInput')
export class DaemonSetStatus {
  @IntField('Nodes running at least one daemon pod that should run one') currentNumberScheduled?: number;
  @IntField('Nodes running a daemon pod that should not') numberMisscheduled?: number;
  @IntField('Nodes that should run the daemon pod') desiredNumberScheduled?: number;
  @IntField('Nodes whose daemon pod is Ready') numberReady?: number;
  @IntField() observedGeneration?: number;
  @IntField('Nodes running the updated daemon pod') updatedNumberScheduled?: number;
  @IntField('Nodes whose daemon pod has been ready for minReadySeconds') numberAvailable?: number;
  @IntField('Nodes that should run the daemon pod and have none available') numberUnavailable?: number;
  @IntField('Hash collisions of ControllerRevision names, used to make the next name unique') collisionCount?: number;
  @List(() => Condition) conditions?: Condition[];
}

/** apps/v1 DaemonSet. */
export const { output: DaemonSet, input: DaemonSetInput } = resourceClasses('DaemonSet', DaemonSetSpec, DaemonSetStatus);
