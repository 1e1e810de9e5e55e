// What the scheduler reads of a pod, and no more: its watch is one of the busiest
// subscriptions of the API (every pod change), and every field selected is executed,
// serialised, sent and parsed for each event. Nested types come whole from introspection.
import type { FullSelections } from '@wheelhouse/client';

export async function podSelection(selections: FullSelections): Promise<string> {
  const container = 'name image restartPolicy resources { requests limits }';
  return [
    'metadata { deletionTimestamp }',
    `spec { nodeName schedulerName nodeSelector overhead affinity { ${await selections.of('Affinity')} } tolerations { ${await selections.of('Toleration')} } containers { ${container} } initContainers { ${container} } }`,
    `status { phase conditions { ${await selections.of('Condition')} } }`,
  ].join(' ');
}
