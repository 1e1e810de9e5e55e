// The scheduler's vocabulary on top of the generated model (@wheelhouse/model holds Pod,
// Node and every other object shape).
import type { Node, NodeStatus } from '@wheelhouse/model';

export type Labels = Readonly<Record<string, string>>;
export type ResourceList = Readonly<Record<string, string | number>>;

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

/** One image a node holds (Kubernetes ContainerImage), what ImageLocality scores by. */
export interface ContainerImage {
  readonly names?: readonly string[] | null;
  readonly sizeBytes?: number;
}

/**
 * A node with `status.images`. The API does not serve that field yet, so the model lacks
 * it and ImageLocality scores every node alike until it does; the plugin (and its ported
 * tests) read it as Kubernetes has it.
 */
export type NodeWithImages = Node & { status?: NodeStatus & { images?: readonly ContainerImage[] | null } };
