/** `wh describe` text: kubectl's sections, values aligned per block. */
import { age } from './age.js';
import { formatTable } from './table.js';
import type { KubeObj } from './object.js';

/** A row is [key, value]; a nested block is [key, rows] printed indented under it. */
export type Row = [string, string | Row[]];

export function formatRows(rows: Row[], indent = 0): string {
  const width = Math.max(0, ...rows.filter(([, v]) => typeof v === 'string').map(([k]) => k.length + 1));
  const pad = ' '.repeat(indent);
  return rows
    .map(([key, value]) => {
      if (typeof value !== 'string') return `${pad}${key}:\n${formatRows(value, indent + 2)}`;
      const lines = value.split('\n');
      const head = `${pad}${`${key}:`.padEnd(width + 2)}${lines[0]}`.trimEnd();
      // Continuation lines (several labels) line up under the first value.
      return [head, ...lines.slice(1).map((l) => ' '.repeat(indent + width + 2) + l)].join('\n');
    })
    .join('\n');
}

/** `a=b` one per line, or `<none>`. */
export function mapText(map: Record<string, string> | null | undefined): string {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join('\n') : '<none>';
}

const ANNOTATION_LIMIT = 200;
/** kubectl hides the last-applied annotation in describe; long values are cut. */
export function annotationsText(map: Record<string, string> | null | undefined): string {
  const shown = Object.fromEntries(
    Object.entries(map ?? {})
      .filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
      .map(([k, v]) => [k, v.length > ANNOTATION_LIMIT ? `${v.slice(0, ANNOTATION_LIMIT)}...` : v]),
  );
  return mapText(shown);
}

export function selectorText(selector: unknown): string {
  const s = (selector ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  const labels = s.matchLabels || s.matchExpressions ? (s.matchLabels ?? {}) : ((selector as Record<string, string> | null) ?? {});
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  for (const e of s.matchExpressions ?? []) parts.push(`${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`);
  return parts.join(',') || '<none>';
}

export const controlledBy = (o: KubeObj): string | undefined => {
  const owner = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  return owner ? `${owner.kind}/${owner.name}` : undefined;
};

export function metadataRows(o: KubeObj, namespaced: boolean): Row[] {
  const rows: Row[] = [['Name', o.metadata.name ?? '']];
  if (namespaced) rows.push(['Namespace', o.metadata.namespace ?? '']);
  rows.push(['Labels', mapText(o.metadata.labels)], ['Annotations', annotationsText(o.metadata.annotations)]);
  rows.push(['CreationTimestamp', o.metadata.creationTimestamp ?? '<unknown>']);
  if (o.metadata.deletionTimestamp) rows.push(['Status', `Terminating (lasts ${o.metadata.deletionGracePeriodSeconds ?? 0}s)`]);
  const owner = controlledBy(o);
  if (owner) rows.push(['Controlled By', owner]);
  return rows;
}

export function conditionsText(conditions: { type?: string; status?: string; reason?: string; message?: string }[] | null | undefined, withReason: boolean): string {
  if (!conditions?.length) return 'Conditions:  <none>';
  const headers = withReason ? ['Type', 'Status', 'Reason'] : ['Type', 'Status'];
  const rows = conditions.map((c) => (withReason ? [c.type ?? '', c.status ?? '', c.reason ?? ''] : [c.type ?? '', c.status ?? '']));
  return `Conditions:\n${indent(formatTable(headers, [headers.map((h) => '-'.repeat(h.length)), ...rows]), 2)}`;
}

export function eventsText(events: KubeObj[], now: number): string {
  if (events.length === 0) return 'Events:  <none>';
  const sorted = [...events].sort((a, b) => stamp(a).localeCompare(stamp(b)));
  const headers = ['Type', 'Reason', 'Age', 'From', 'Message'];
  const rows = sorted.map((e) => {
    const count = e.count && e.count > 1 ? ` (x${e.count} over ${age(e.firstTimestamp, now)})` : '';
    return [e.type ?? '', e.reason ?? '', age(stamp(e), now) + count, e.source?.component ?? e.reportingComponent ?? '', (e.message ?? '').trim()];
  });
  return `Events:\n${indent(formatTable(headers, [headers.map((h) => '-'.repeat(h.length)), ...rows]), 2)}`;
}

const stamp = (e: KubeObj): string => e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? '';

export const indent = (text: string, by: number) =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(by) + l : l))
    .join('\n')
    .replace(/\n+$/, '');

type Container = {
  name?: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: { containerPort?: number; protocol?: string }[];
  env?: { name: string; value?: string }[];
};

type ContainerState = {
  running?: { startedAt?: string | null } | null;
  waiting?: { reason?: string | null } | null;
  terminated?: { reason?: string | null; exitCode?: number | null } | null;
};

type ContainerStatus = { name?: string | null; ready?: boolean | null; restartCount?: number | null; state?: ContainerState | null };

/** The Containers block of a pod or a pod template. */
export function containersRows(containers: Container[], statuses: ContainerStatus[] = []): Row[] {
  return containers.map((c) => {
    const rows: Row[] = [['Image', c.image ?? '']];
    if (c.ports?.length) rows.push(['Port', c.ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')]);
    if (c.command?.length) rows.push(['Command', c.command.join('\n')]);
    if (c.args?.length) rows.push(['Args', c.args.join('\n')]);
    const status = statuses.find((s) => s.name === c.name);
    if (status) {
      const [state, detail] = stateText(status.state);
      rows.push(['State', state]);
      if (detail) rows.push(...detail);
      rows.push(['Ready', status.ready ? 'True' : 'False'], ['Restart Count', String(status.restartCount ?? 0)]);
    }
    rows.push(['Environment', c.env?.length ? c.env.map((e) => `${e.name}:  ${e.value ?? ''}`).join('\n') : '<none>']);
    return [c.name ?? '', rows] as Row;
  });
}

function stateText(state: ContainerState | null | undefined): [string, Row[]?] {
  if (state?.running) return ['Running', [['  Started', state.running.startedAt ?? '']]];
  if (state?.waiting) return ['Waiting', [['  Reason', state.waiting.reason ?? '']]];
  if (state?.terminated)
    return [
      'Terminated',
      [
        ['  Reason', state.terminated.reason ?? ''],
        ['  Exit Code', String(state.terminated.exitCode ?? 0)],
      ],
    ];
  return ['Waiting'];
}
