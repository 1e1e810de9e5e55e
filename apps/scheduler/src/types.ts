// The Kubernetes JSON shapes the scheduler reads. Only the fields it looks at are typed;
// everything is optional the way the API server may omit it.
import type { LabelSelector } from '@wheelhouse/selectors';

export type Labels = Readonly<Record<string, string>>;
export type ResourceList = Readonly<Record<string, string | number>>;

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: TaintEffect;
}

export interface Toleration {
  readonly key?: string;
  readonly operator?: 'Exists' | 'Equal';
  readonly value?: string;
  readonly effect?: TaintEffect | '';
  readonly tolerationSeconds?: number | null;
}

export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: NodeSelectorOperator;
  readonly values?: readonly string[] | null;
}

export interface NodeSelectorTerm {
  readonly matchExpressions?: readonly NodeSelectorRequirement[] | null;
  readonly matchFields?: readonly NodeSelectorRequirement[] | null;
}

export interface PreferredSchedulingTerm {
  readonly weight: number;
  readonly preference: NodeSelectorTerm;
}

export interface PodAffinityTerm {
  readonly labelSelector?: LabelSelector | null;
  readonly namespaces?: readonly string[] | null;
  readonly namespaceSelector?: LabelSelector | null;
  readonly topologyKey: string;
}

export interface WeightedPodAffinityTerm {
  readonly weight: number;
  readonly podAffinityTerm: PodAffinityTerm;
}

export interface PodAffinityRules {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: readonly PodAffinityTerm[] | null;
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly WeightedPodAffinityTerm[] | null;
}

export interface Affinity {
  readonly nodeAffinity?: {
    readonly requiredDuringSchedulingIgnoredDuringExecution?: { readonly nodeSelectorTerms: readonly NodeSelectorTerm[] } | null;
    readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly PreferredSchedulingTerm[] | null;
  } | null;
  readonly podAffinity?: PodAffinityRules | null;
  readonly podAntiAffinity?: PodAffinityRules | null;
}

export interface Container {
  readonly name?: string;
  readonly image?: string;
  /** `Always` marks a restartable init container (a native sidecar). */
  readonly restartPolicy?: string;
  readonly resources?: { readonly requests?: ResourceList | null; readonly limits?: ResourceList | null } | null;
}

export interface Pod {
  readonly metadata: { readonly name?: string; readonly namespace?: string; readonly uid?: string; readonly labels?: Labels };
  readonly spec?: {
    readonly nodeName?: string;
    readonly nodeSelector?: Labels | null;
    readonly affinity?: Affinity | null;
    readonly tolerations?: readonly Toleration[] | null;
    readonly containers?: readonly Container[];
    readonly initContainers?: readonly Container[] | null;
    readonly overhead?: ResourceList | null;
  };
  readonly status?: { readonly phase?: string };
}

export interface NodeCondition {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown' | string;
}

export interface Node {
  readonly metadata: { readonly name: string; readonly labels?: Labels };
  readonly spec?: { readonly unschedulable?: boolean; readonly taints?: readonly Taint[] | null };
  readonly status?: {
    readonly allocatable?: ResourceList | null;
    readonly conditions?: readonly NodeCondition[] | null;
    readonly images?: readonly ContainerImage[] | null;
  };
}

export interface ContainerImage {
  readonly names?: readonly string[] | null;
  readonly sizeBytes?: number;
}
