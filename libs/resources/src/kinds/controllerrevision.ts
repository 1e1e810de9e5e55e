import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import { cloneJson } from '../defaults/json-object.js';
import { validateControllerRevision, validateControllerRevisionUpdate, type ControllerRevisionLike } from '../apps/controller-revision-validation.js';

/** apps/v1 ControllerRevision: `data` and `revision` sit next to metadata (no spec); data never changes. */
export const ControllerRevisionKind: KindInfo = {
  ...KIND_CATALOGUE.ControllerRevision,
  table: 'controllerrevisions',
  nameRule: 'subdomain',
  bodyKey: null,
  columns: () => ({}),
  selectableFields: () => ({}),
  fieldColumns: {},
  applyDefaults: (o) => cloneJson(o),
  validate: (o) => validateControllerRevision(o as ControllerRevisionLike),
  validateUpdate: (next, prev) => validateControllerRevisionUpdate(next as ControllerRevisionLike, prev as ControllerRevisionLike),
};
