export { ENVELOPE_PREFIX, isSealed, envelopeKeyName, seal, open, type DataKey } from './envelope.js';
export { ensureKeyFile, fileKeyring, formatKeys, keyringFromEnv, newKey, parseKeys, staticKeyring, writeKeyFile, KEY_FILE_NAME, type Keyring } from './keyring.js';
export { openObject, sealObject, sealedWith } from './codec.js';
export { keyringOf, useKeyring } from './attach.js';
export { reencryptAll, keysInUse, type ReencryptReport } from './rotate.js';
