import { cloneJson, ensureObject, isJsonObject, setDefault } from './json-object.js';

/** networking/v1 defaults: Ingress has none beyond a spec object; IngressClass parameters default to scope Cluster. */
export function defaultIngress<T>(ingress: T): T {
  const copy = cloneJson(ingress);
  if (isJsonObject(copy)) ensureObject(copy, 'spec');
  return copy;
}

export function defaultIngressClass<T>(ingressClass: T): T {
  const copy = cloneJson(ingressClass);
  if (!isJsonObject(copy)) return copy;
  const spec = ensureObject(copy, 'spec');
  if (spec && isJsonObject(spec.parameters)) setDefault(spec.parameters, 'scope', 'Cluster');
  return copy;
}
