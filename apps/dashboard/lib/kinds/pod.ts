import type { Pod } from '@wheelhouse/model';
import { podSummary } from '@wheelhouse/printers';
import { META, type Tone } from './kind.ts';
import { listKind } from './list-kind.ts';
import { printerColumns } from './printer-columns.ts';

/** Colour of kubectl's STATUS: green when running and ready, gray when done, yellow on the way, red in trouble. */
export function podTone(pod: Pod): Tone {
  const { reason: status, readyContainers, totalContainers } = podSummary(pod);
  if (status === 'Running') return readyContainers === totalContainers ? 'green' : 'yellow';
  if (status === 'Succeeded' || status === 'Completed') return 'gray';
  if (
    status === 'Pending' ||
    status === 'ContainerCreating' ||
    status === 'PodInitializing' ||
    status === 'Terminating' ||
    status === 'SchedulingGated' ||
    /^Init:\d+\/\d+$/.test(status)
  )
    return 'yellow';
  return 'red';
}

const CONTAINER_STATUS =
  'name ready started restartCount state { waiting { reason } running { startedAt } terminated { reason exitCode signal } } lastState { terminated { finishedAt } }';

/** What node load and phase counts read of a pod (the Overview, the Nodes list): a tenth of a list row at 10,000 pods. */
export const POD_LOAD_SELECTION =
  'metadata { name namespace uid resourceVersion } spec { nodeName containers { name resources { requests } } initContainers { name restartPolicy resources { requests } } } status { phase }';

export const PodKind = listKind('Pod', {
  listSelection: `${META} spec { nodeName containers { name image resources { requests } } initContainers { name restartPolicy resources { requests } } }
    status { phase reason podIP podIPs { ip } nominatedNodeName conditions { type status reason }
      containerStatuses { ${CONTAINER_STATUS} }
      initContainerStatuses { ${CONTAINER_STATUS} } }`,
  columns: printerColumns('Pod', {
    status: { tone: podTone },
    node: { link: (p) => (p.spec?.nodeName ? { kind: 'Node', name: p.spec.nodeName } : undefined) },
  }),
});
