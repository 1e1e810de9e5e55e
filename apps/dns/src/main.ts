import { WheelhouseClient } from '@wheelhouse/client';
import { resolveToken } from '@wheelhouse/controller-runtime';
import { dnsConfigFromEnv } from './config.js';
import { upstreamsFromEnv } from './forward.js';
import { ensureKubeDnsService } from './kube-dns-service.js';
import { watchCluster } from './informer-view.js';
import { startDnsServer } from './server.js';

const log = (message: string, error?: unknown) =>
  process.stderr.write(`${new Date().toISOString()} dns: ${message}${error ? `: ${(error as Error).message ?? String(error)}` : ''}\n`);

/** The cluster DNS process: ensures kube-dns, watches Services and EndpointSlices, answers on the kube-dns ClusterIP. */
async function main(): Promise<void> {
  const config = dnsConfigFromEnv(process.env);
  const client = new WheelhouseClient({ server: config.server, token: resolveToken(process.env) });
  const clusterIP = await retry(() => ensureKubeDnsService(client, config.serviceCidr));
  const address = config.address ?? clusterIP;
  const { view, stop } = await watchCluster(client, log);
  const upstreams = upstreamsFromEnv(process.env, [address]);
  const server = await startDnsServer(address, config.port, { view, domain: config.domain, upstreams, forwardTimeoutMs: config.forwardTimeoutMs }, (e) => log('query', e));
  log(
    `serving ${config.domain} on ${address}:${server.udpPort} (UDP and TCP), kube-dns ClusterIP ${clusterIP}; forwarding other names to ${upstreams.map((u) => `${u.host}:${u.port}`).join(', ') || 'nowhere (SERVFAIL)'}`,
  );
  const shutdown = async () => {
    await server.close();
    stop();
    client.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

/** The API may still be starting: try for a minute. */
async function retry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 60) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

main().catch((error: unknown) => {
  log('failed', error);
  process.exit(1);
});
