import type { IngressClassObject, IngressObject } from './types.js';

export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/**
 * Whether this controller serves an Ingress: its class (spec.ingressClassName, else the
 * legacy annotation) is one whose spec.controller is ours; an Ingress without a class
 * is served when the default class (the annotation above) is ours.
 */
export function servesIngress(ingress: IngressObject, classes: readonly IngressClassObject[], controller: string): boolean {
  const ours = new Set(classes.filter((c) => c.spec?.controller === controller).map((c) => c.metadata.name));
  const named = ingress.spec?.ingressClassName ?? ingress.metadata.annotations?.[LEGACY_CLASS_ANNOTATION];
  if (named) return ours.has(named);
  const defaults = classes.filter((c) => c.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true');
  // Kubernetes refuses to pick when two classes claim the default; so does this controller.
  return defaults.length === 1 && ours.has(defaults[0]!.metadata.name);
}
