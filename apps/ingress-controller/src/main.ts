import { createClientset, WheelhouseClient } from '@wheelhouse/client';
import { EventRecorder, resolveToken, serveMetrics } from '@wheelhouse/controller-runtime';
import { DEFAULT_CLASS_ANNOTATION } from './classes.js';
import { watchCluster } from './cluster.js';
import { ingressConfigFromEnv } from './config.js';
import { createIngressMetrics } from './metrics.js';
import { createProxyHandlers } from './proxy.js';
import { createReporter } from './reporter.js';
import { startServers } from './servers.js';
import { buildState, type ProxyState } from './state.js';

const log = (message: string, error?: unknown) =>
  process.stderr.write(`${new Date().toISOString()} ingress-controller: ${message}${error ? `: ${(error as Error).message ?? String(error)}` : ''}\n`);

/**
 * The ingress controller: one process per cluster (`npm start` runs one). It is not
 * leader-elected: like every ingress-nginx replica it serves traffic from its own
 * watches, and its only writes (status, events) are idempotent.
 */
async function main(): Promise<void> {
  const config = ingressConfigFromEnv(process.env);
  const client = new WheelhouseClient({ server: config.server, token: resolveToken(process.env) });
  const cs = createClientset(client);
  await retry(async () => {
    if (await cs.ingressClasses.get({ name: config.className })) return;
    await cs.ingressClasses.create({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: config.className, annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
      spec: { controller: config.controller },
    } as never);
    log(`created the default IngressClass ${config.className}`);
  });
  const metrics = createIngressMetrics();
  const report = createReporter(cs, new EventRecorder(client, 'ingress-controller', undefined, (e) => log('event', e)), config.host, log);
  let state: ProxyState | undefined;
  const { source, stop } = await watchCluster(client, log, () => {
    state = buildState(source, config.controller);
    report(state);
  });
  state = buildState(source, config.controller);
  report(state);
  const handlers = createProxyHandlers(
    () => state!,
    metrics,
    (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
  );
  const servers = await startServers(handlers, () => state!, config.host, config.httpPort, config.httpsPort);
  const metricsServer = config.metricsPort > 0 ? serveMetrics(metrics.registry, config.metricsPort, (e) => log('metrics server', e)) : undefined;
  log(
    `serving IngressClass ${config.className} on ${config.host}: http ${servers.ports.http ?? 'off'}, https ${servers.ports.https ?? 'off'}, metrics ${config.metricsPort || 'off'}`,
  );
  const shutdown = async () => {
    // Stop accepting; requests in flight finish (server.close waits for them).
    await servers.close();
    handlers.close();
    metricsServer?.close();
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
