/** The sections kubectl describe prints for many kinds: metadata, conditions, containers, events. */
import type { Condition, Container, ContainerState, ContainerStatus, Event, KubeObject, LabelSelector, Taint } from '@wheelhouse/model';
import { age } from '../duration.js';
import { eventSource, sortEvents } from '../event.js';
import { labelSelectorString } from '../selectors.js';
import { formatTable } from '../table.js';
import { annotationsText, indent, mapText, type Row } from './format.js';

/** `Kind/name` of the controller owner, as "Controlled By". */
export function controlledBy(o: KubeObject): string | undefined {
  const owner = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  return owner ? `${owner.kind}/${owner.name}` : undefined;
}

export function metadataRows(o: KubeObject, namespaced: boolean): Row[] {
  const rows: Row[] = [['Name', o.metadata.name ?? '']];
  if (namespaced) rows.push(['Namespace', o.metadata.namespace ?? '']);
  rows.push(['Labels', mapText(o.metadata.labels)], ['Annotations', annotationsText(o.metadata.annotations)]);
  rows.push(['CreationTimestamp', o.metadata.creationTimestamp ?? '<unknown>']);
  if (o.metadata.deletionTimestamp) rows.push(['Status', `Terminating (lasts ${o.metadata.deletionGracePeriodSeconds ?? 0}s)`]);
  const owner = controlledBy(o);
  if (owner) rows.push(['Controlled By', owner]);
  return rows;
}

/** A label selector (or an RC's label map) as describe shows it. */
export function selectorText(selector: LabelSelector | Record<string, string> | undefined): string {
  if (!selector) return '<none>';
  const isLabelSelector = 'matchLabels' in selector || 'matchExpressions' in selector;
  const asSelector: LabelSelector = isLabelSelector ? (selector as LabelSelector) : { matchLabels: selector as Record<string, string> };
  return labelSelectorString(asSelector) || '<none>';
}

export function conditionsText(conditions: readonly Condition[] | undefined, withReason: boolean): string {
  if (!conditions?.length) return 'Conditions:  <none>';
  const headers = withReason ? ['Type', 'Status', 'Reason'] : ['Type', 'Status'];
  const rows = conditions.map((c) => (withReason ? [c.type ?? '', c.status ?? '', c.reason ?? ''] : [c.type ?? '', c.status ?? '']));
  return `Conditions:\n${indent(formatTable(headers, [headers.map((h) => '-'.repeat(h.length)), ...rows]), 2)}`;
}

/** The Events table, oldest first in kubectl's order (see compareEvents). */
export function eventsText(events: readonly Event[], now: number): string {
  if (events.length === 0) return 'Events:  <none>';
  const headers = ['Type', 'Reason', 'Age', 'From', 'Message'];
  const rows = sortEvents(events).map((e) => {
    const last = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp;
    const count = e.count && e.count > 1 ? ` (x${e.count} over ${age(e.firstTimestamp, now)})` : '';
    return [e.type ?? '', e.reason ?? '', age(last, now) + count, eventSource(e), (e.message ?? '').trim()];
  });
  return `Events:\n${indent(formatTable(headers, [headers.map((h) => '-'.repeat(h.length)), ...rows]), 2)}`;
}

function stateRows(state: ContainerState | undefined): [string, Row[]?] {
  if (state?.running) return ['Running', [['  Started', state.running.startedAt ?? '']]];
  if (state?.waiting) return ['Waiting', [['  Reason', state.waiting.reason ?? '']]];
  if (state?.terminated) {
    const t = state.terminated;
    const rows: Row[] = [['  Reason', t.reason ?? '']];
    if (t.message) rows.push(['  Message', t.message]);
    rows.push(['  Exit Code', String(t.exitCode ?? 0)]);
    if (t.signal) rows.push(['  Signal', String(t.signal)]);
    if (t.startedAt) rows.push(['  Started', t.startedAt]);
    if (t.finishedAt) rows.push(['  Finished', t.finishedAt]);
    return ['Terminated', rows];
  }
  return ['Waiting'];
}

/** `cpu: 250m` rows, by resource name, as describe prints Limits and Requests. */
const resourceRows = (map: Record<string, string>): Row[] =>
  Object.keys(map)
    .sort()
    .map((k) => [k, map[k]!]);

/** The Containers block of a pod or a pod template. */
export function containersRows(containers: readonly Container[], statuses: readonly ContainerStatus[] = []): Row[] {
  return containers.map((c) => {
    const rows: Row[] = [['Image', c.image ?? '']];
    if (c.ports?.length) rows.push(['Port', c.ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')]);
    if (c.command?.length) rows.push(['Command', c.command.join('\n')]);
    if (c.args?.length) rows.push(['Args', c.args.join('\n')]);
    const status = statuses.find((s) => s.name === c.name);
    if (status) {
      const [state, detail] = stateRows(status.state);
      rows.push(['State', state]);
      if (detail) rows.push(...detail);
      // kubectl shows the previous termination only when there was one.
      if (status.lastState?.terminated) {
        const [last, lastDetail] = stateRows(status.lastState);
        rows.push(['Last State', last], ...(lastDetail ?? []));
      }
      rows.push(['Ready', status.ready ? 'True' : 'False'], ['Restart Count', String(status.restartCount ?? 0)]);
    }
    const { limits, requests } = c.resources ?? {};
    if (limits && Object.keys(limits).length) rows.push(['Limits', resourceRows(limits)]);
    if (requests && Object.keys(requests).length) rows.push(['Requests', resourceRows(requests)]);
    rows.push(['Environment', c.env?.length ? c.env.map((e) => `${e.name}:  ${e.value ?? ''}`).join('\n') : '<none>']);
    rows.push(['Mounts', mountsText(c.volumeMounts)]);
    return [c.name ?? '', rows] as Row;
  });
}

/** kubectl's `/path from volume (ro)` lines, with the subPath when there is one. */
function mountsText(mounts: Container['volumeMounts']): string {
  if (!mounts?.length) return '<none>';
  return mounts.map((m) => `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'}${m.subPath ? `,path="${m.subPath}"` : ''})`).join('\n');
}

/** kubectl's `key=value:Effect`, one per line. */
export function taintsText(taints: readonly Taint[] | undefined): string {
  return (taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join('\n') || '<none>';
}
