import { age, ageMs, humanDuration } from '../format/age.ts';
import { META, fieldsFor, type Column, type KindDef, type Tone } from './kind.ts';
import type { Condition, Container, LabelSelector, ObjectMeta } from './objects.ts';
import { selectorString } from './workload.ts';

type Maybe<T> = T | null | undefined;

export interface Job {
  metadata: ObjectMeta;
  spec?: Maybe<{
    completions?: Maybe<number>;
    parallelism?: Maybe<number>;
    suspend?: Maybe<boolean>;
    selector?: Maybe<LabelSelector>;
    template?: Maybe<{ spec?: Maybe<{ containers?: Maybe<Container[]> }> }>;
  }>;
  status?: Maybe<{
    active?: Maybe<number>;
    succeeded?: Maybe<number>;
    failed?: Maybe<number>;
    startTime?: Maybe<string>;
    completionTime?: Maybe<string>;
    conditions?: Maybe<Condition[]>;
  }>;
}

const isTrue = (o: Job, type: string) => (o.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** kubectl's Job STATUS column: terminal conditions, Terminating, then the interim ones, else Running. */
export function jobStatus(o: Job): string {
  if (isTrue(o, 'Complete')) return 'Complete';
  if (isTrue(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  for (const type of ['Suspended', 'FailureTarget', 'SuccessCriteriaMet']) if (isTrue(o, type)) return type;
  return 'Running';
}

/** kubectl's COMPLETIONS: `1/3`, or `0/1 of 4` for a work queue with parallelism 4. */
export function jobCompletions(o: Job): string {
  const succeeded = o.status?.succeeded ?? 0;
  if (typeof o.spec?.completions === 'number') return `${succeeded}/${o.spec.completions}`;
  const parallelism = o.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(o: Job, now: number): string {
  if (!o.status?.startTime) return '';
  const end = o.status.completionTime ? Date.parse(o.status.completionTime) : now;
  return humanDuration(Math.max(0, Math.floor((end - Date.parse(o.status.startTime)) / 1000)));
}

const jobTone = (o: Job): Tone => {
  const status = jobStatus(o);
  if (status === 'Complete') return 'green';
  if (status === 'Failed' || status === 'FailureTarget') return 'red';
  return status === 'Suspended' ? 'gray' : 'blue';
};

const containers = (o: Job) => o.spec?.template?.spec?.containers ?? [];

const jobColumns: Column<Job>[] = [
  { id: 'status', header: 'Status', value: jobStatus, tone: jobTone },
  { id: 'completions', header: 'Completions', value: jobCompletions },
  { id: 'duration', header: 'Duration', value: (o, c) => jobDuration(o, c.now) },
  { id: 'age', header: 'Age', value: (o, c) => age(o.metadata.creationTimestamp, c.now), sortValue: (o, c) => ageMs(o.metadata.creationTimestamp, c.now) },
  {
    id: 'containers',
    header: 'Containers',
    value: (o) =>
      containers(o)
        .map((c) => c.name)
        .join(','),
    wide: true,
  },
  {
    id: 'images',
    header: 'Images',
    value: (o) =>
      containers(o)
        .map((c) => c.image)
        .join(','),
    wide: true,
  },
  { id: 'selector', header: 'Selector', value: (o) => selectorString(o.spec?.selector), wide: true },
];

export const JobKind: KindDef<Job> = {
  kind: 'Job',
  title: 'Jobs',
  path: 'jobs',
  namespaced: true,
  fields: fieldsFor('job', 'jobs'),
  listSelection: `${META} spec { completions parallelism suspend selector { matchLabels matchExpressions { key operator values } } template { spec { containers { name image } } } }
    status { active succeeded failed startTime completionTime conditions { type status reason message } }`,
  columns: jobColumns,
};
