import { configFromEnv } from './config.js';
import { startApiServer } from './server.js';
import { log } from './log.js';
import { ensurePki, servingNames, wantsTls } from '@wheelhouse/pki';

const config = configFromEnv();
if (wantsTls(process.env)) {
  // Beyond loopback (or when asked): the cluster CA and a serving certificate, made at first start (kubeadm's pki).
  const extra = (process.env.WHEELHOUSE_TLS_SANS ?? '').split(',');
  const pki = ensurePki(config.dataDir, servingNames(config.host, extra));
  config.tls = { certFile: pki.certFile, keyFile: pki.keyFile };
  log.info(`serving TLS; clients trust ${pki.caFile} (WHEELHOUSE_CA_FILE)`);
}
const server = await startApiServer(config);
log.info(`API listening on ${server.url}`);
if (server.adminTokenFile) log.info(`generated an admin token; it is in ${server.adminTokenFile}`);
if (server.nodeTokenFile) log.info(`generated a node agent token; it is in ${server.nodeTokenFile}`);
if (server.encryptionKeyFile)
  log.info(`generated the key Secrets are encrypted with at rest; it is in ${server.encryptionKeyFile} (back it up: without it Secrets cannot be read)`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info(`${signal}: shutting down`);
  await server.close().catch((error) => log.error('shutdown', error));
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
