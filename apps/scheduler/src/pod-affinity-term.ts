// framework.AffinityTerm: a PodAffinityTerm resolved against the pod that declares it.
import { labelSelectorToSelector, matches, nothing, type Selector } from '@wheelhouse/selectors';
import type { Pod, PodAffinity, PodAffinityTerm, WeightedPodAffinityTerm } from '@wheelhouse/model';
import type { Labels } from './types.js';

export interface AffinityTerm {
  readonly selector: Selector;
  readonly namespaces: ReadonlySet<string>;
  readonly namespaceSelector: Selector;
  readonly topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

/** Namespace name → labels, for terms with a namespaceSelector. */
export type NamespaceLabels = Readonly<Record<string, Labels>>;

const toSelector = (s: Parameters<typeof labelSelectorToSelector>[0]): Selector => {
  try {
    return labelSelectorToSelector(s);
  } catch {
    return nothing();
  }
};

export const namespaceOf = (pod: Pod) => pod.metadata.namespace ?? 'default';

/** Resolves a term declared by `owner`: no namespaces and no namespaceSelector means the owner's namespace. */
export function affinityTerm(term: PodAffinityTerm, owner: Pod): AffinityTerm {
  const namespaces = new Set(term.namespaces ?? []);
  if (namespaces.size === 0 && term.namespaceSelector == null) namespaces.add(namespaceOf(owner));
  return {
    selector: toSelector(term.labelSelector),
    namespaces,
    namespaceSelector: toSelector(term.namespaceSelector),
    topologyKey: term.topologyKey ?? '',
  };
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces and its labels match. */
export function termMatchesPod(term: AffinityTerm, pod: Pod, namespaceLabels: NamespaceLabels = {}): boolean {
  const ns = namespaceOf(pod);
  if (!term.namespaces.has(ns) && !matches(term.namespaceSelector, namespaceLabels[ns] ?? {})) return false;
  return matches(term.selector, pod.metadata.labels ?? {});
}

export const requiredTerms = (rules: PodAffinity | null | undefined, owner: Pod): AffinityTerm[] =>
  (rules?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => affinityTerm(t, owner));

export const preferredTerms = (rules: PodAffinity | null | undefined, owner: Pod): WeightedAffinityTerm[] =>
  (rules?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t: WeightedPodAffinityTerm) => ({
    ...affinityTerm(t.podAffinityTerm ?? {}, owner),
    weight: t.weight ?? 0,
  }));
