import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateEvent } from '../validation/index.js';
import { defaultEvent } from '../defaults/index.js';

interface EventFields {
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
  reason?: string;
  type?: string;
  source?: { component?: string };
}
const fields = (o: KubeObject) => o as unknown as EventFields;

/** core/v1 Event: no spec; its fields sit next to metadata, as in Kubernetes. */
export const EventKind: KindInfo = {
  ...KIND_CATALOGUE.Event,
  table: 'events',
  nameRule: 'subdomain',
  bodyKey: null,
  columns: (o) => ({
    involvedKind: fields(o).involvedObject?.kind ?? null,
    involvedName: fields(o).involvedObject?.name ?? null,
    involvedUid: fields(o).involvedObject?.uid ?? null,
    reason: fields(o).reason ?? null,
    type: fields(o).type ?? null,
  }),
  selectableFields: (o) => ({
    'involvedObject.kind': fields(o).involvedObject?.kind ?? '',
    'involvedObject.name': fields(o).involvedObject?.name ?? '',
    'involvedObject.namespace': fields(o).involvedObject?.namespace ?? '',
    'involvedObject.uid': fields(o).involvedObject?.uid ?? '',
    reason: fields(o).reason ?? '',
    type: fields(o).type ?? '',
    'source.component': fields(o).source?.component ?? '',
  }),
  fieldColumns: {
    'involvedObject.kind': `coalesce("involvedKind", '')`,
    'involvedObject.name': `coalesce("involvedName", '')`,
    'involvedObject.namespace': `coalesce("spec"->'involvedObject'->>'namespace', '')`,
    'involvedObject.uid': `coalesce("involvedUid", '')`,
    reason: `coalesce("reason", '')`,
    type: `coalesce("type", '')`,
    'source.component': `coalesce("spec"->'source'->>'component', '')`,
  },
  applyDefaults: (o, now) => defaultEvent(o, now) as KubeObject,
  validate: (o) => validateEvent(o),
};
