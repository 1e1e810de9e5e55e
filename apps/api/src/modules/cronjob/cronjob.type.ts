import { Field, InputType, ObjectType } from 'type-graphql';
import { Bool, IntField, List, Obj, Str } from '../common/fields.js';
import { ObjectMeta } from '../common/object-meta.type.js';
import { resourceClasses } from '../common/resource-class.js';
import { JobSpec } from '../job/job.type.js';

@ObjectType({ simpleResolvers: true })
@InputType('JobTemplateSpecInput')
export class JobTemplateSpec {
  @Field(() => ObjectMeta, { nullable: true, description: 'Labels and annotations copied to each Job' }) metadata?: ObjectMeta;
  @Obj(() => JobSpec) spec?: JobSpec;
}

@ObjectType({ simpleResolvers: true })
@InputType('CronJobSpecInput')
export class CronJobSpec {
  @Str('Cron format: five fields or a descriptor such as @hourly') schedule?: string;
  @Str('IANA time zone of the schedule; the controller manager’s zone (UTC) when unset') timeZone?: string;
  @IntField('Seconds after a missed start time within which the Job may still start') startingDeadlineSeconds?: number;
  @Str('Allow, Forbid or Replace; default Allow') concurrencyPolicy?: string;
  @Bool('No new Jobs while true; default false') suspend?: boolean;
  @Obj(() => JobTemplateSpec) jobTemplate?: JobTemplateSpec;
  @IntField('Finished successful Jobs kept; default 3') successfulJobsHistoryLimit?: number;
  @IntField('Finished failed Jobs kept; default 1') failedJobsHistoryLimit?: number;
}

@ObjectType({ simpleResolvers: true })
@InputType('CronJobActiveJobInput')
export class CronJobActiveJob {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Str() namespace?: string;
  @Str() name?: string;
  @Str() uid?: string;
  @Str() resourceVersion?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('CronJobStatusInput')
export class CronJobStatus {
  @List(() => CronJobActiveJob) active?: CronJobActiveJob[];
  @Str('When a Job was last scheduled') lastScheduleTime?: string;
  @Str('When a Job last completed successfully') lastSuccessfulTime?: string;
}

/** batch/v1 CronJob. */
export const { output: CronJob, input: CronJobInput } = resourceClasses('CronJob', CronJobSpec, CronJobStatus);
