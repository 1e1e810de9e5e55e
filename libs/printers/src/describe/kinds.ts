/** `describe` bodies per kind: rows that align with the metadata, then whole sections. */
import type { ConfigMap, CronJob, Deployment, Event, KindName, KubeObject, Namespace, Node, ObjectTypes, Pod, ReplicaSet, ReplicationController, Secret } from '@wheelhouse/model';
import { podStatus } from '../pod.js';
import { formatRows, mapText, type Row } from './format.js';
import { nodeResourcesText } from './node-resources.js';
import { podTemplateText } from './pod-template.js';
import { conditionsText, containersRows, eventsText, metadataRows, selectorText, taintsText } from './sections.js';

type Body = [Row[], ...string[]];

const replicated = (o: ReplicaSet | ReplicationController): Body => [
  [
    ['Selector', selectorText(o.spec?.selector)],
    ['Replicas', `${o.status?.replicas ?? 0} current / ${o.spec?.replicas ?? 1} desired`],
    ['Ready Replicas', String(o.status?.readyReplicas ?? 0)],
  ],
  podTemplateText(o.spec?.template),
  conditionsText(o.status?.conditions, true),
];

function deployment(d: Deployment): Body {
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  const rows: Row[] = [
    ['Selector', selectorText(spec.selector)],
    [
      'Replicas',
      `${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable`,
    ],
    ['StrategyType', spec.strategy?.type ?? 'RollingUpdate'],
    ['MinReadySeconds', String(spec.minReadySeconds ?? 0)],
  ];
  const rolling = spec.strategy?.rollingUpdate;
  if (rolling) rows.push(['RollingUpdateStrategy', `${rolling.maxUnavailable ?? '25%'} max unavailable, ${rolling.maxSurge ?? '25%'} max surge`]);
  if (spec.paused) rows.push(['Paused', 'true']);
  return [rows, podTemplateText(spec.template), conditionsText(status.conditions, true)];
}

/** What some describers read beside the object: the pods bound to a node. */
export interface DescribeContext {
  podsOnNode?: readonly Pod[];
  now: number;
}

const node = (n: Node, context?: DescribeContext): Body => [
  [
    ['Taints', taintsText(n.spec?.taints)],
    ['Unschedulable', n.spec?.unschedulable ? 'true' : 'false'],
    ['Addresses', (n.status?.addresses ?? []).map((a) => `${a.type}: ${a.address}`).join('\n') || '<none>'],
    ['Capacity', mapText(n.status?.capacity)],
    ['Allocatable', mapText(n.status?.allocatable)],
  ],
  conditionsText(n.status?.conditions, true),
  ...(context?.podsOnNode ? [nodeResourcesText(n, context.podsOnNode, context.now)] : []),
];

const setOr = (value: number | null | undefined, unit = '') => (typeof value === 'number' ? `${value}${unit}` : '<unset>');
/** Go's time.RFC1123Z, in UTC. */
const rfc1123z = (t: string) => new Date(t).toUTCString().replace('GMT', '+0000');

/** describeCronJob: the schedule and its policies, the Job template (describeJobTemplate), the last schedule and the active Jobs. */
function cronJob(c: CronJob): Body {
  const spec = c.spec ?? {};
  const job = spec.jobTemplate?.spec ?? {};
  const rows: Row[] = [
    ['Schedule', spec.schedule ?? ''],
    ['Concurrency Policy', spec.concurrencyPolicy ?? ''],
    ['Suspend', typeof spec.suspend === 'boolean' ? (spec.suspend ? 'True' : 'False') : '<unset>'],
    ['Successful Job History Limit', setOr(spec.successfulJobsHistoryLimit)],
    ['Failed Job History Limit', setOr(spec.failedJobsHistoryLimit)],
    ['Starting Deadline Seconds', setOr(spec.startingDeadlineSeconds, 's')],
    ['Selector', job.selector ? selectorText(job.selector) : '<unset>'],
    ['Parallelism', setOr(job.parallelism)],
    ['Completions', setOr(job.completions)],
  ];
  if (typeof job.activeDeadlineSeconds === 'number') rows.push(['Active Deadline Seconds', `${job.activeDeadlineSeconds}s`]);
  const last = c.status?.lastScheduleTime;
  const active = (c.status?.active ?? []).map((j) => j.name).join(', ');
  return [
    rows,
    podTemplateText(job.template ?? undefined),
    formatRows([
      ['Last Schedule Time', last ? rfc1123z(last) : '<unset>'],
      ['Active Jobs', active || '<none>'],
    ]),
  ];
}

/** Bytes a base64 value decodes to. */
export function base64Size(value: string): number {
  const clean = value.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

const sortedKeys = (map: Record<string, string> | undefined) => Object.keys(map ?? {}).sort();

/** describeSecret: the type and each key's size, never a value. */
const secret = (s: Secret): Body => [
  [],
  `\nType:  ${s.type ?? ''}\n\nData\n====\n${sortedKeys(s.data)
    .map((k) => `${k}:  ${base64Size(s.data![k]!)} bytes`)
    .join('\n')}`.trimEnd(),
];

/** describeConfigMap: each key, a ---- rule and its value; binary values by size. */
const configMap = (c: ConfigMap): Body => [
  [],
  [
    '\nData\n====',
    ...sortedKeys(c.data).map((k) => `${k}:\n----\n${c.data![k]}\n`),
    '\nBinaryData\n====',
    ...sortedKeys(c.binaryData).map((k) => `${k}: ${base64Size(c.binaryData![k]!)} bytes`),
  ].join('\n'),
];

/** The describe body of each kind that has one; others show their own fields (see describeObject). */
export const DESCRIBERS: { readonly [K in KindName]?: (o: ObjectTypes[K], context?: DescribeContext) => Body } = {
  Pod: (pod) => [
    [
      ['Node', pod.spec?.nodeName ?? '<none>'],
      ['Start Time', pod.status?.startTime ?? '<unknown>'],
      ['Status', podStatus(pod)],
      ['IP', pod.status?.podIP ?? ''],
    ],
    `Containers:\n${formatRows(containersRows(pod.spec?.containers ?? [], pod.status?.containerStatuses ?? []), 2)}`,
    conditionsText(pod.status?.conditions, false),
  ],
  Deployment: deployment,
  ReplicaSet: replicated,
  ReplicationController: replicated,
  Node: node,
  Namespace: (ns: Namespace) => [[['Status', ns.status?.phase ?? 'Active']]],
  Secret: secret,
  ConfigMap: configMap,
  CronJob: cronJob,
};

/**
 * kubectl describe's text of one object. Kinds without a describer show `fallback` of
 * their fields (the CLI passes them as YAML), after the metadata.
 */
export function describeObject(
  kind: string,
  namespaced: boolean,
  o: KubeObject,
  events: readonly Event[] | undefined,
  now: number,
  fallback: (fields: Record<string, unknown>) => string,
  related: Omit<DescribeContext, 'now'> = {},
): string {
  const describer = (DESCRIBERS as Record<string, ((o: KubeObject, context?: DescribeContext) => Body) | undefined>)[kind];
  let body: Body;
  if (describer) body = describer(o, { ...related, now });
  else {
    const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = o as KubeObject & Record<string, unknown>;
    body = Object.keys(rest).length ? [[], fallback(rest)] : [[]];
  }
  const [rows, ...sections] = body;
  const parts = [formatRows([...metadataRows(o, namespaced), ...rows]), ...sections];
  if (events) parts.push(eventsText(events, now));
  return `${parts.join('\n')}\n`;
}
