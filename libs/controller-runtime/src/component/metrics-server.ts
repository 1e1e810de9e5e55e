import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

/** /metrics (Prometheus) and /healthz on a port of its own, as kube-controller-manager and kube-scheduler serve them. */
export function serveMetrics(registry: Registry, port: number, onError: (error: unknown) => void, host = '127.0.0.1'): Server {
  const server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  server.on('error', onError);
  return server.listen(port, host);
}
