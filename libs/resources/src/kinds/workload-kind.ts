import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';

const spec = (o: KubeObject) => (o.spec ?? {}) as { replicas?: number };

/** The parts ReplicaSet, ReplicationController and Deployment share. */
export const workloadKindBase = {
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: (o: KubeObject) => ({ replicas: spec(o).replicas ?? null }),
  selectableFields: () => ({}),
  fieldColumns: {},
} satisfies Partial<KindInfo>;
