import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validatePodSpec, validatePodUpdate } from '../validation/index.js';
import { defaultPod } from '../defaults/index.js';
import { beginPodTermination } from './pod-termination.js';

const spec = (o: KubeObject) => (o.spec ?? {}) as { nodeName?: string };
const status = (o: KubeObject) => (o.status ?? {}) as { phase?: string; podIP?: string };

export const PodKind: KindInfo = {
  ...KIND_CATALOGUE.Pod,
  table: 'pods',
  nameRule: 'subdomain',
  bodyKey: 'spec',
  columns: (o) => ({ nodeName: spec(o).nodeName || null, phase: status(o).phase ?? null }),
  selectableFields: (o) => ({
    'spec.nodeName': spec(o).nodeName ?? '',
    'status.phase': status(o).phase ?? '',
    'status.podIP': status(o).podIP ?? '',
  }),
  fieldColumns: {
    'spec.nodeName': `coalesce("nodeName", '')`,
    'status.phase': `coalesce("phase", '')`,
    'status.podIP': `coalesce("status"->>'podIP', '')`,
  },
  applyDefaults: (o) => defaultPod(o) as KubeObject,
  validate: (o) => validatePodSpec(o.spec ?? {}, 'spec'),
  validateUpdate: (next, prev) => validatePodUpdate(next, prev),
  beginTermination: beginPodTermination,
};
