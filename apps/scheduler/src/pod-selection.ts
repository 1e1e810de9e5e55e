// What the scheduler reads of a pod, and no more: its watch is one of the busiest
// subscriptions of the API (every pod change), and every field selected is executed,
// serialised, sent and parsed for each event. Nested types come whole from the model.
import { SELECTIONS } from '@wheelhouse/model';

const CONTAINER = 'name image restartPolicy resources { requests limits }';

export const POD_SELECTION = [
  'metadata { deletionTimestamp }',
  `spec { nodeName schedulerName nodeSelector overhead affinity { ${SELECTIONS.Affinity} } tolerations { ${SELECTIONS.Toleration} } containers { ${CONTAINER} } initContainers { ${CONTAINER} } volumes { name persistentVolumeClaim { claimName } } }`,
  `status { phase conditions { ${SELECTIONS.Condition} } }`,
].join(' ');
