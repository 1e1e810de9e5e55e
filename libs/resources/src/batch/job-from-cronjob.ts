// A Job made from a CronJob's jobTemplate: by the CronJob controller at a scheduled time
// (getJobFromTemplate2) or by hand (kubectl create job --from=cronjob/NAME).
import type { JobSpecLike } from './job-types.js';

export const CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
export const CRONJOB_INSTANTIATE_ANNOTATION = 'cronjob.kubernetes.io/instantiate';

export interface CronJobSource {
  metadata: { name?: string | null; uid?: string | null };
  spec?: {
    timeZone?: string | null;
    jobTemplate?: { metadata?: { labels?: Record<string, string> | null; annotations?: Record<string, string> | null } | null; spec?: unknown } | null;
  } | null;
}

export interface JobFromCronJob {
  apiVersion: 'batch/v1';
  kind: 'Job';
  metadata: {
    name: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
    ownerReferences: { apiVersion: string; kind: string; name: string; uid: string; controller: boolean; blockOwnerDeletion?: boolean }[];
  };
  spec: JobSpecLike;
}

/** The template's labels, annotations and spec, owned by the CronJob (its controller reference). */
function fromTemplate(cronJob: CronJobSource, name: string, annotations: Record<string, string>, blockOwnerDeletion: boolean): JobFromCronJob {
  const template = cronJob.spec?.jobTemplate;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      labels: { ...(template?.metadata?.labels ?? {}) },
      annotations,
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: cronJob.metadata.name ?? '',
          uid: cronJob.metadata.uid ?? '',
          controller: true,
          ...(blockOwnerDeletion ? { blockOwnerDeletion: true } : {}),
        },
      ],
    },
    spec: structuredClone((template?.spec ?? {}) as JobSpecLike),
  };
}

/** The controller's Job for a scheduled time, annotated with that time in the CronJob's zone (RFC 3339). */
export function scheduledJobFromCronJob(cronJob: CronJobSource, name: string, scheduledTime: Date): JobFromCronJob {
  const annotations = {
    ...(cronJob.spec?.jobTemplate?.metadata?.annotations ?? {}),
    [CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION]: formatRfc3339In(scheduledTime, cronJob.spec?.timeZone ?? 'UTC'),
  };
  return fromTemplate(cronJob, name, annotations, true);
}

/** kubectl create job NAME --from=cronjob/CJ: `cronjob.kubernetes.io/instantiate: manual`, the template's annotations over it. */
export function manualJobFromCronJob(cronJob: CronJobSource, name: string): JobFromCronJob {
  const annotations = { [CRONJOB_INSTANTIATE_ANNOTATION]: 'manual', ...(cronJob.spec?.jobTemplate?.metadata?.annotations ?? {}) };
  return fromTemplate(cronJob, name, annotations, false);
}

/** Go's time.RFC3339 of `t` in `timeZone`: `2016-05-19T13:00:00+02:00`, or `…Z` at offset zero. */
export function formatRfc3339In(t: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  const gmt = String(parts.timeZoneName).replace('GMT', '');
  const offset = gmt === '' || gmt === '+00:00' || gmt === '-00:00' ? 'Z' : gmt;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
