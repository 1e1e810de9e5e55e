// pkg/controller/clusterroleaggregation: an aggregated ClusterRole's rules are the union of
// the rules of every ClusterRole its selectors match (in name order, without duplicates).
import { labelSelectorToSelector, matches } from '@wheelhouse/selectors';
import type { PolicyRule } from './types.js';

export interface AggregatableRole {
  metadata: { name: string; labels?: Record<string, string> | null };
  rules?: PolicyRule[] | null;
  aggregationRule?: { clusterRoleSelectors?: unknown[] | null } | null;
}

const sameRule = (a: PolicyRule, b: PolicyRule) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
const normalise = (r: PolicyRule) => ({
  verbs: r.verbs ?? [],
  apiGroups: r.apiGroups ?? [],
  resources: r.resources ?? [],
  resourceNames: r.resourceNames ?? [],
  nonResourceURLs: r.nonResourceURLs ?? [],
});

/** The rules the aggregated role should have, or null when it already has them (or is not aggregated). */
export function aggregatedRules(role: AggregatableRole, all: readonly AggregatableRole[]): PolicyRule[] | null {
  const selectors = role.aggregationRule?.clusterRoleSelectors ?? [];
  if (!role.aggregationRule) return null;
  const parsed = selectors.map((s) => labelSelectorToSelector(s as Parameters<typeof labelSelectorToSelector>[0]));
  const sources = all
    .filter((other) => other.metadata.name !== role.metadata.name)
    .filter((other) => parsed.some((selector) => matches(selector, other.metadata.labels ?? {})))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  const rules: PolicyRule[] = [];
  for (const source of sources) for (const rule of source.rules ?? []) if (!rules.some((r) => sameRule(r, rule))) rules.push(rule);
  const current = role.rules ?? [];
  const unchanged = current.length === rules.length && current.every((r, i) => sameRule(r, rules[i]!));
  return unchanged ? null : rules;
}
