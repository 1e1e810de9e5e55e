import { InputType, ObjectType } from 'type-graphql';
import { IntField, List, Obj, Str, StrList } from '../common/fields.js';
import { LabelSelector } from '../common/label-selector.type.js';

@ObjectType({ simpleResolvers: true })
@InputType('NodeSelectorRequirementInput')
export class NodeSelectorRequirement {
  @Str() key?: string;
  @Str('In, NotIn, Exists, DoesNotExist, Gt or Lt') operator?: string;
  @StrList() values?: string[];
}

@ObjectType({ simpleResolvers: true })
@InputType('NodeSelectorTermInput')
export class NodeSelectorTerm {
  @List(() => NodeSelectorRequirement) matchExpressions?: NodeSelectorRequirement[];
  @List(() => NodeSelectorRequirement) matchFields?: NodeSelectorRequirement[];
}

@ObjectType({ simpleResolvers: true })
@InputType('NodeSelectorInput')
export class NodeSelector {
  @List(() => NodeSelectorTerm) nodeSelectorTerms?: NodeSelectorTerm[];
}

@ObjectType({ simpleResolvers: true })
@InputType('PreferredSchedulingTermInput')
export class PreferredSchedulingTerm {
  @IntField() weight?: number;
  @Obj(() => NodeSelectorTerm) preference?: NodeSelectorTerm;
}

@ObjectType({ simpleResolvers: true })
@InputType('NodeAffinityInput')
export class NodeAffinity {
  @Obj(() => NodeSelector) requiredDuringSchedulingIgnoredDuringExecution?: NodeSelector;
  @List(() => PreferredSchedulingTerm) preferredDuringSchedulingIgnoredDuringExecution?: PreferredSchedulingTerm[];
}

@ObjectType({ simpleResolvers: true })
@InputType('PodAffinityTermInput')
export class PodAffinityTerm {
  @Obj(() => LabelSelector) labelSelector?: LabelSelector;
  @StrList() namespaces?: string[];
  @Str() topologyKey?: string;
  @Obj(() => LabelSelector) namespaceSelector?: LabelSelector;
}

@ObjectType({ simpleResolvers: true })
@InputType('WeightedPodAffinityTermInput')
export class WeightedPodAffinityTerm {
  @IntField() weight?: number;
  @Obj(() => PodAffinityTerm) podAffinityTerm?: PodAffinityTerm;
}

@ObjectType({ simpleResolvers: true })
@InputType('PodAffinityInput')
export class PodAffinity {
  @List(() => PodAffinityTerm) requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  @List(() => WeightedPodAffinityTerm) preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}

@ObjectType({ simpleResolvers: true })
@InputType('AffinityInput')
export class Affinity {
  @Obj(() => NodeAffinity) nodeAffinity?: NodeAffinity;
  @Obj(() => PodAffinity) podAffinity?: PodAffinity;
  @Obj(() => PodAffinity) podAntiAffinity?: PodAffinity;
}
