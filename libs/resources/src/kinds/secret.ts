import { KIND_CATALOGUE } from '@wheelhouse/model';
import type { KindInfo } from './kind-info.js';
import type { KubeObject } from '../object.js';
import { validateSecret, validateSecretUpdate } from '../validation/index.js';
import { defaultSecret } from '../defaults/index.js';

const typeOf = (o: KubeObject) => (typeof o.type === 'string' ? o.type : '');

/** core/v1 Secret: `data` (base64), `type`, `immutable` next to metadata; `data` is encrypted at rest. */
export const SecretKind: KindInfo = {
  ...KIND_CATALOGUE.Secret,
  table: 'secrets',
  nameRule: 'subdomain',
  bodyKey: null,
  columns: (o) => ({ type: typeOf(o) }),
  selectableFields: (o) => ({ type: typeOf(o) }),
  fieldColumns: { type: `"type"` },
  applyDefaults: (o) => defaultSecret(o),
  validate: (o) => validateSecret(o),
  validateUpdate: (next, prev) => validateSecretUpdate(next, prev),
  encryptedFields: ['data'],
};
