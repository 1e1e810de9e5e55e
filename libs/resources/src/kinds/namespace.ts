import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { defaultNamespace } from '../defaults/index.js';
import { validateNamespace, validateNamespaceStatusUpdate } from '../validation/index.js';
import { beginNamespaceTermination } from './namespace-termination.js';

const status = (o: KubeObject) => (o.status ?? {}) as { phase?: string };

export const NamespaceKind: KindInfo = {
  ...KIND_CATALOGUE.Namespace,
  table: 'namespaces',
  nameRule: 'label',
  bodyKey: 'spec',
  columns: (o) => ({ phase: status(o).phase ?? null }),
  selectableFields: (o) => ({ 'status.phase': status(o).phase ?? '' }),
  fieldColumns: { 'status.phase': `coalesce("phase", '')` },
  applyDefaults: (o) => defaultNamespace(o) as KubeObject,
  validate: (o) => [...validateNamespace(o), ...validateNamespaceStatusUpdate(o)],
  beginTermination: (ns) => beginNamespaceTermination(ns),
  // spec.finalizers change only through finalizeNamespace, as Kubernetes' namespaces/finalize.
  keepOnUpdate: (next, current) => ({ ...next, spec: { ...(next.spec ?? {}), finalizers: (current.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [] } }),
};
