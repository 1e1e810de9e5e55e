import type { InvolvedObject } from '@wheelhouse/controller-runtime';
import type { Pod } from '@wheelhouse/model';

/** The pod an event is about; pods read from the API always carry name and uid. */
export const involvedPod = (pod: Pod): InvolvedObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  namespace: pod.metadata.namespace ?? undefined,
  name: pod.metadata.name ?? '',
  uid: pod.metadata.uid ?? '',
});
