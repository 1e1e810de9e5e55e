import { age, ageMs } from '../format/age.ts';
import { META, fieldsFor, type KindDef, type Tone } from './kind.ts';
import type { Pod } from './objects.ts';

/** `ready/total` containers, as in kubectl's READY column. */
export function podReady(pod: Pod): string {
  const statuses = pod.status?.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? statuses.length;
  return `${statuses.filter((s) => s.ready).length}/${total}`;
}

export function podRestarts(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((n, s) => n + (s.restartCount ?? 0), 0);
}

/** kubectl's STATUS: Terminating, the pod reason, an init or container waiting/terminated reason, else the phase. */
export function podStatus(pod: Pod): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  if (pod.status?.reason) return pod.status.reason;
  const init = pod.status?.initContainerStatuses ?? [];
  for (const [i, s] of init.entries()) {
    const terminated = s.state?.terminated;
    if (terminated && terminated.exitCode === 0) continue;
    if (terminated) return `Init:${terminated.reason || `ExitCode:${terminated.exitCode}`}`;
    if (s.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') return `Init:${s.state.waiting.reason}`;
    return `Init:${i}/${init.length}`;
  }
  let status = pod.status?.phase ?? 'Pending';
  for (const s of pod.status?.containerStatuses ?? []) {
    if (s.state?.waiting?.reason) status = s.state.waiting.reason;
    else if (s.state?.terminated) status = s.state.terminated.reason || `ExitCode:${s.state.terminated.exitCode}`;
  }
  return status;
}

export function podTone(pod: Pod): Tone {
  const status = podStatus(pod);
  if (status === 'Running') {
    const [ready, total] = podReady(pod).split('/');
    return ready === total ? 'green' : 'yellow';
  }
  if (status === 'Succeeded' || status === 'Completed') return 'gray';
  if (status === 'Pending' || status === 'ContainerCreating' || status === 'Terminating' || status.startsWith('Init:')) return 'yellow';
  return 'red';
}

export const PodKind: KindDef<Pod> = {
  kind: 'Pod',
  title: 'Pods',
  path: 'pods',
  namespaced: true,
  fields: fieldsFor('pod', 'pods'),
  listSelection: `${META} spec { nodeName containers { name image resources { requests } } initContainers { name resources { requests } } }
    status { phase reason podIP conditions { type status }
      containerStatuses { name ready restartCount state { waiting { reason } running { startedAt } terminated { reason exitCode } } }
      initContainerStatuses { name ready restartCount state { waiting { reason } running { startedAt } terminated { reason exitCode } } } }`,
  columns: [
    { id: 'ready', header: 'Ready', value: podReady },
    { id: 'status', header: 'Status', value: podStatus, tone: podTone },
    { id: 'restarts', header: 'Restarts', value: podRestarts },
    { id: 'age', header: 'Age', value: (p, c) => age(p.metadata.creationTimestamp, c.now), sortValue: (p, c) => ageMs(p.metadata.creationTimestamp, c.now) },
    { id: 'ip', header: 'IP', value: (p) => p.status?.podIP ?? '<none>', wide: true },
    {
      id: 'node',
      header: 'Node',
      value: (p) => p.spec?.nodeName ?? '<none>',
      link: (p) => (p.spec?.nodeName ? { kind: 'Node', name: p.spec.nodeName } : undefined),
      wide: true,
    },
  ],
};
