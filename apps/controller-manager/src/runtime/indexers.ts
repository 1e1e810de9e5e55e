// Named indexes of the shared informers (client-go Indexers). One name means one thing per
// kind in the whole process, since controllers sharing an informer share its indexes.
import type { Pod } from '@wheelhouse/model';

/** Pods by `spec.nodeName` (unbound pods are filed nowhere): "the pods of this node". */
export const POD_NODE_NAME_INDEX = 'spec.nodeName';

export const podIndexers = {
  [POD_NODE_NAME_INDEX]: (pod: Pod): readonly string[] => (pod.spec?.nodeName ? [pod.spec.nodeName] : []),
};
