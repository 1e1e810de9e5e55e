import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateIngress, validateIngressClass, validateIngressClassUpdate } from '../validation/index.js';
import { defaultIngress, defaultIngressClass } from '../defaults/index.js';

const className = (o: KubeObject) => {
  const spec = (o.spec ?? {}) as { ingressClassName?: unknown };
  return typeof spec.ingressClassName === 'string' ? spec.ingressClassName : null;
};

/** networking.k8s.io/v1 Ingress: HTTP routes from outside to Services. */
export const IngressKind: KindInfo = {
  ...KIND_CATALOGUE.Ingress,
  table: 'ingresses',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: (o) => ({ ingressClassName: className(o) }),
  selectableFields: (o) => ({ 'spec.ingressClassName': className(o) ?? '' }),
  fieldColumns: { 'spec.ingressClassName': `coalesce("ingressClassName", '')` },
  applyDefaults: (o) => defaultIngress(o),
  validate: (o) => validateIngress(o),
};

/** networking.k8s.io/v1 IngressClass: which controller serves an Ingress (cluster-scoped). */
export const IngressClassKind: KindInfo = {
  ...KIND_CATALOGUE.IngressClass,
  table: 'ingress_classes',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: (o) => defaultIngressClass(o),
  validate: (o) => validateIngressClass(o),
  validateUpdate: (next, prev) => validateIngressClassUpdate(next, prev),
};
