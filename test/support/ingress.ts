import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { TestApi } from './api.js';
import { spawnComponent, type ComponentProcess } from './component.js';
import { eventually } from './controller-manager.js';

const randomPort = () => 20_000 + Math.floor(Math.random() * 30_000);

/** The real apps/ingress-controller process on random loopback ports; resolves once it serves. */
export async function spawnIngressController(apiUrl: string, env: Record<string, string> = {}): Promise<{ child: ComponentProcess; httpPort: number; httpsPort: number }> {
  const httpPort = randomPort();
  const httpsPort = httpPort + 1;
  const child = spawnComponent('apps/ingress-controller/dist/main.js', apiUrl, {
    WHEELHOUSE_INGRESS_HTTP_PORT: String(httpPort),
    WHEELHOUSE_INGRESS_HTTPS_PORT: String(httpsPort),
    WHEELHOUSE_INGRESS_METRICS_PORT: '0',
    ...env,
  });
  await eventually(async () => child.output().includes('serving IngressClass'), 30_000, `ingress controller serving (${child.output()})`);
  return { child, httpPort, httpsPort };
}

export interface EchoBackend {
  service: string;
  addresses: string[];
  children: ChildProcess[];
}

/**
 * Echo servers as real processes (one per endpoint, on its own loopback address, port
 * 8080) behind a selectorless Service with an EndpointSlice listing them, as a pod's
 * Service would have. The test starts the processes itself (no node agent).
 */
export async function startEchoBackend(api: TestApi, namespace: string, service: string, replicas = 1, ready: boolean[] = []): Promise<EchoBackend> {
  const base = `127.${90 + Math.floor(Math.random() * 30)}.${Math.floor(Math.random() * 250)}`;
  const addresses = Array.from({ length: replicas }, (_, i) => `${base}.${10 + i}`);
  const children = await Promise.all(
    addresses.map(async (address, i) => {
      const child = spawn(process.execPath, [fileURLToPath(new URL('./echo-server.js', import.meta.url))], {
        env: { ...process.env, ECHO_SERVICE: service, ECHO_POD: `${service}-${i}`, ECHO_NAMESPACE: namespace, ECHO_HOST: address, ECHO_LISTEN_PORT: '8080' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout!.once('data', () => resolve());
        child.once('exit', (code) => reject(new Error(`echo server ${address} exited ${code}`)));
      });
      return child;
    }),
  );
  await api.ok(`mutation($ns: String, $input: ServiceInput!) { createService(namespace: $ns, input: $input) { metadata { name } } }`, {
    ns: namespace,
    input: { metadata: { name: service }, spec: { ports: [{ name: 'http', port: 8080, targetPort: 8080 }] } },
  });
  await api.ok(`mutation($ns: String, $input: EndpointSliceInput!) { createEndpointSlice(namespace: $ns, input: $input) { metadata { name } } }`, {
    ns: namespace,
    input: {
      metadata: { name: `${service}-1`, labels: { 'kubernetes.io/service-name': service } },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: addresses.map((a, i) => ({ addresses: [a], conditions: { ready: ready[i] ?? true } })),
    },
  });
  return { service, addresses, children };
}

export function stopEcho(backends: EchoBackend[]): void {
  for (const b of backends) for (const c of b.children) c.kill('SIGTERM');
}

export interface EchoReply {
  status: number;
  body: string;
  json?: { service: string; pod: string; namespace: string; path: string; host: string; headers: Record<string, string> };
}

/** An HTTP request to the ingress with the given Host header, as curl --resolve would send it. */
export function viaIngress(port: number, url: string, method = 'GET'): Promise<EchoReply> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: `${u.pathname}${u.search}`, headers: { host: u.host }, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => {
        let json: EchoReply['json'];
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, body, json });
      });
    });
    req.on('error', reject);
    req.end();
  });
}
