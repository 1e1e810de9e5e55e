export { ensurePki, pkiPaths, servingNames, type Pki } from './pki.js';
export { isLoopbackHost, wantsTls } from './tls-mode.js';
