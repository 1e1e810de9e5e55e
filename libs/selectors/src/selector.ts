import type { Requirement } from './requirement.js';

/**
 * A label selector: the AND of its requirements. `matchesNothing` is set only by
 * nothing() — Kubernetes' labels.Nothing(), what a null metav1.LabelSelector means.
 */
export interface Selector {
  /** Sorted by key (stable, so requirements on one key keep their given order). */
  readonly requirements: readonly Requirement[];
  readonly matchesNothing: boolean;
}

const EVERYTHING: Selector = Object.freeze({ requirements: Object.freeze([]), matchesNothing: false });
const NOTHING: Selector = Object.freeze({ requirements: Object.freeze([]), matchesNothing: true });

/** The selector that matches every object (labels.Everything(), the empty selector). */
export function everything(): Selector {
  return EVERYTHING;
}

/** The selector that matches no object (labels.Nothing()). */
export function nothing(): Selector {
  return NOTHING;
}

const byKey = (a: Requirement, b: Requirement) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** A selector ANDing already-validated requirements, sorted by key like Kubernetes does. */
export function selectorOf(requirements: readonly Requirement[]): Selector {
  if (requirements.length === 0) return EVERYTHING;
  return { requirements: [...requirements].sort(byKey), matchesNothing: false };
}

/** True when the selector does not restrict anything (Selector.Empty()). */
export function matchesEverything(selector: Selector): boolean {
  return !selector.matchesNothing && selector.requirements.length === 0;
}
