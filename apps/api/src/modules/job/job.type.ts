import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Bool, IntField, List, Obj, Str, StrList } from '../common/fields.js';
import { Condition } from '../common/condition.type.js';
import { LabelSelector } from '../common/label-selector.type.js';
import { PodTemplateSpec } from '../common/pod-template.type.js';
import { resourceClasses } from '../common/resource-class.js';

@ObjectType({ simpleResolvers: true })
@InputType('PodFailurePolicyOnExitCodesRequirementInput')
export class PodFailurePolicyOnExitCodesRequirement {
  @Str('Only this container; all containers when unset') containerName?: string;
  @Str('In or NotIn') operator?: string;
  @Field(() => [Int], { nullable: true, description: 'Exit codes, sorted, unique, at most 255' }) values?: number[];
}

@ObjectType({ simpleResolvers: true })
@InputType('PodFailurePolicyOnPodConditionsPatternInput')
export class PodFailurePolicyOnPodConditionsPattern {
  @Str('A pod condition type, e.g. DisruptionTarget') type?: string;
  @Str('True, False or Unknown; default True') status?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('PodFailurePolicyRuleInput')
export class PodFailurePolicyRule {
  @Str('FailJob, FailIndex, Ignore or Count') action?: string;
  @Obj(() => PodFailurePolicyOnExitCodesRequirement) onExitCodes?: PodFailurePolicyOnExitCodesRequirement;
  @List(() => PodFailurePolicyOnPodConditionsPattern) onPodConditions?: PodFailurePolicyOnPodConditionsPattern[];
}

@ObjectType({ simpleResolvers: true })
@InputType('PodFailurePolicyInput')
export class PodFailurePolicy {
  @List(() => PodFailurePolicyRule) rules?: PodFailurePolicyRule[];
}

@ObjectType({ simpleResolvers: true })
@InputType('SuccessPolicyRuleInput')
export class SuccessPolicyRule {
  @Str('Indexes that must succeed, e.g. "1,3-5"') succeededIndexes?: string;
  @IntField('How many of those indexes must succeed') succeededCount?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('SuccessPolicyInput')
export class SuccessPolicy {
  @List(() => SuccessPolicyRule) rules?: SuccessPolicyRule[];
}

@ObjectType({ simpleResolvers: true })
@InputType('JobSpecInput')
export class JobSpec {
  @IntField('Pods running at once at most') parallelism?: number;
  @IntField('Successful pods needed; unset means any one success completes the Job') completions?: number;
  @IntField('Seconds from the start after which the Job fails with DeadlineExceeded') activeDeadlineSeconds?: number;
  @Obj(() => PodFailurePolicy) podFailurePolicy?: PodFailurePolicy;
  @Obj(() => SuccessPolicy) successPolicy?: SuccessPolicy;
  @IntField('Failed pods before the Job fails; default 6') backoffLimit?: number;
  @IntField('Failed pods per index before the index fails (Indexed only)') backoffLimitPerIndex?: number;
  @IntField('Failed indexes before the Job fails (with backoffLimitPerIndex)') maxFailedIndexes?: number;
  @Obj(() => LabelSelector) selector?: LabelSelector;
  @Bool('The selector is the user’s own, not generated from the Job’s uid') manualSelector?: boolean;
  @Obj(() => PodTemplateSpec) template?: PodTemplateSpec;
  @IntField('Seconds after the Job finishes when the TTL controller deletes it') ttlSecondsAfterFinished?: number;
  @Str('NonIndexed or Indexed') completionMode?: string;
  @Bool() suspend?: boolean;
  @Str('TerminatingOrFailed or Failed') podReplacementPolicy?: string;
  @Str('The controller that reconciles the Job; default kubernetes.io/job-controller') managedBy?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('UncountedTerminatedPodsInput')
export class UncountedTerminatedPods {
  @StrList('UIDs of succeeded pods whose finalizer is being removed') succeeded?: string[];
  @StrList('UIDs of failed pods whose finalizer is being removed') failed?: string[];
}

@ObjectType({ simpleResolvers: true })
@InputType('JobStatusInput')
export class JobStatus {
  @List(() => Condition) conditions?: Condition[];
  @Str() startTime?: string;
  @Str() completionTime?: string;
  @IntField() active?: number;
  @IntField() succeeded?: number;
  @IntField() failed?: number;
  @IntField() terminating?: number;
  @IntField() ready?: number;
  @Str('Succeeded indexes of an Indexed Job, e.g. "1,3-5"') completedIndexes?: string;
  @Str('Failed indexes of an Indexed Job with backoffLimitPerIndex') failedIndexes?: string;
  @Obj(() => UncountedTerminatedPods) uncountedTerminatedPods?: UncountedTerminatedPods;
}

/** batch/v1 Job. */
export const { output: Job, input: JobInput } = resourceClasses('Job', JobSpec, JobStatus);
