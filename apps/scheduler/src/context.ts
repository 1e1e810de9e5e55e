import type { NodeInfo } from './node-info.js';
import type { NamespaceLabels } from './pod-affinity-term.js';
import type { VolumeListers } from './volume-listers.js';

/**
 * What one scheduling cycle sees besides the pod and the node at hand: every node (for
 * plugins that look across topology domains, like inter-pod affinity) and namespace labels.
 * Plugins may memoise per-cycle work keyed on this object.
 */
export interface CycleContext {
  readonly nodeInfos: readonly NodeInfo[];
  readonly namespaceLabels?: NamespaceLabels;
  /** Claims, volumes and classes, for VolumeBinding; absent: pods with claims pass it. */
  readonly volumes?: VolumeListers;
}
