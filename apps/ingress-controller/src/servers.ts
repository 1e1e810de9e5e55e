import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureContext } from 'node:tls';
import { generateDefaultCertificate } from './default-certificate.js';
import type { createProxyHandlers } from './proxy.js';
import type { ProxyState } from './state.js';
import { secretForServerName } from './tls-hosts.js';

type Handlers = ReturnType<typeof createProxyHandlers>;

const listen = (server: Server, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });

/** The HTTP and HTTPS listeners (port 0 in the config: not opened). TLS picks the Secret by SNI on every handshake. */
export async function startServers(handlers: Handlers, current: () => ProxyState, host: string, httpPort: number, httpsPort: number) {
  const servers: Server[] = [];
  const ports: { http?: number; https?: number } = {};
  if (httpPort > 0) {
    const http = createHttpServer({ keepAliveTimeout: 75_000 }, (req, res) => handlers.web(req, res, 'http'));
    http.on('upgrade', handlers.upgrade);
    ports.http = await listen(http, httpPort, host);
    servers.push(http);
  }
  if (httpsPort > 0) {
    const fallback = generateDefaultCertificate();
    const fallbackContext = createSecureContext(fallback);
    const https = createHttpsServer(
      {
        ...fallback,
        keepAliveTimeout: 75_000,
        SNICallback: (serverName, done) => {
          const state = current();
          const key = secretForServerName(state.tlsHosts, serverName);
          done(null, (key && state.contexts.get(key)) || fallbackContext);
        },
      },
      (req, res) => handlers.web(req, res, 'https'),
    );
    https.on('upgrade', handlers.upgrade);
    ports.https = await listen(https, httpsPort, host);
    servers.push(https);
  }
  return {
    ports,
    close: () => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))),
  };
}
