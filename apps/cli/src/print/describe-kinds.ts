/** Per-kind describe bodies; the shared pieces are in describe.ts. */
import YAML from 'yaml';
import { stripNulls, type KubeObj } from './object.js';
import { podStatus } from './columns.js';
import { conditionsText, containersRows, eventsText, formatRows, mapText, metadataRows, selectorText, type Row } from './describe.js';

const n = (v: unknown) => (typeof v === 'number' ? v : 0);

function podTemplate(template: KubeObj | undefined): string {
  const rows: Row[] = [
    ['Labels', mapText(template?.metadata?.labels)],
    ['Containers', containersRows(template?.spec?.containers ?? [])],
  ];
  return `Pod Template:\n${formatRows(rows, 2)}`;
}

/** Rows that align with the metadata, then whole sections. */
function body(kind: string, o: KubeObj): [Row[], ...string[]] {
  const spec = o.spec ?? {};
  const status = o.status ?? {};
  switch (kind) {
    case 'Pod':
      return [
        [
          ['Node', spec.nodeName ?? '<none>'],
          ['Start Time', status.startTime ?? '<unknown>'],
          ['Status', podStatus(o)],
          ['IP', status.podIP ?? ''],
        ],
        `Containers:\n${formatRows(containersRows(spec.containers ?? [], status.containerStatuses ?? []), 2)}`,
        conditionsText(status.conditions, false),
      ];
    case 'Deployment':
      return [
        [
          ['Selector', selectorText(spec.selector)],
          [
            'Replicas',
            `${n(spec.replicas)} desired | ${n(status.updatedReplicas)} updated | ${n(status.replicas)} total | ${n(status.availableReplicas)} available | ${n(status.unavailableReplicas)} unavailable`,
          ],
          ['StrategyType', spec.strategy?.type ?? 'RollingUpdate'],
          ['MinReadySeconds', String(n(spec.minReadySeconds))],
          ...(spec.strategy?.rollingUpdate
            ? ([
                ['RollingUpdateStrategy', `${spec.strategy.rollingUpdate.maxUnavailable ?? '25%'} max unavailable, ${spec.strategy.rollingUpdate.maxSurge ?? '25%'} max surge`],
              ] as Row[])
            : []),
          ...(spec.paused ? ([['Paused', 'true']] as Row[]) : []),
        ],
        podTemplate(spec.template),
        conditionsText(status.conditions, true),
      ];
    case 'ReplicaSet':
    case 'ReplicationController':
      return [
        [
          ['Selector', selectorText(spec.selector)],
          ['Replicas', `${n(status.replicas)} current / ${n(spec.replicas)} desired`],
          ['Ready Replicas', String(n(status.readyReplicas))],
        ],
        podTemplate(spec.template),
        conditionsText(status.conditions, true),
      ];
    case 'Node':
      return [
        [
          ['Taints', taintsText(spec.taints)],
          ['Unschedulable', spec.unschedulable ? 'true' : 'false'],
          ['Addresses', (status.addresses ?? []).map((a: { type: string; address: string }) => `${a.type}: ${a.address}`).join('\n') || '<none>'],
          ['Capacity', mapText(status.capacity)],
          ['Allocatable', mapText(status.allocatable)],
        ],
        conditionsText(status.conditions, true),
      ];
    case 'Namespace':
      return [[['Status', status.phase ?? 'Active']]];
    case 'ConfigMap':
      return [
        [],
        configDataText(o.data ?? {}, (v) => v),
        `BinaryData\n====\n${Object.entries(o.binaryData ?? {})
          .map(([k, v]) => `${k}: ${Buffer.from(String(v), 'base64').length} bytes`)
          .join('\n')}`,
      ];
    case 'Secret':
      // As kubectl: sizes, never values.
      return [[['Type', o.type ?? '']], configDataText(o.data ?? {}, (v) => `${Buffer.from(v, 'base64').length} bytes`, true)];
    default: {
      // Kinds without a dedicated layout show their own fields as YAML.
      const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = stripNulls(o) as KubeObj;
      return Object.keys(rest).length ? [[], YAML.stringify(rest).trimEnd()] : [[]];
    }
  }
}

/** kubectl's Data section: `key:` then a rule and the value (ConfigMap), or `key:  N bytes` (Secret). */
function configDataText(data: Record<string, string>, show: (value: string) => string, inline = false): string {
  const keys = Object.keys(data).sort();
  const items = keys.map((k) => (inline ? `${k}:  ${show(data[k]!)}` : `${k}:\n----\n${show(data[k]!)}`));
  return `Data\n====\n${items.join(inline ? '\n' : '\n\n')}`;
}

/** kubectl's `key=value:Effect`, one per line. */
export function taintsText(taints: { key: string; value?: string | null; effect: string }[] | null | undefined): string {
  return (taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join('\n') || '<none>';
}

export function describeObject(kind: string, namespaced: boolean, o: KubeObj, events: KubeObj[] | undefined, now: number): string {
  const [rows, ...sections] = body(kind, o);
  const parts = [formatRows([...metadataRows(o, namespaced), ...rows]), ...sections];
  if (events) parts.push(eventsText(events, now));
  return `${parts.join('\n')}\n`;
}
