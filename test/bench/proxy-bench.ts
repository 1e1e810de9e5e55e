/**
 * npm run bench:proxy — the node agent's userspace service proxy (TcpProxy) against going
 * straight to the backend, in one run. Three processes: an HTTP backend on a pod-range
 * address, the proxy on a service-range address, and this load generator.
 *   closed loop: C keep-alive connections for S seconds → requests/s (proxy vs direct)
 *   new connections: one connection per request (the proxy's connect + pick path)
 *   open loop at R req/s (keep-alive) → p50/p99 latency and the p99 the proxy adds
 *   reprogramming: a real API and process node agent; a selector-less Service's
 *   EndpointSlice switched between two backends N times → the first new connection
 *   through the ClusterIP that reaches the new backend (watch → rules → listener)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { atFixedRate, percentiles } from './load.js';
import { startTestApi } from '../support/api.js';
import { eventually } from '../support/controller-manager.js';
import { spawnNodeAgent } from '../support/node-agent.js';

const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const octet = () => 1 + Math.floor(Math.random() * 250);
const backend = { ip: `127.126.${octet()}.${octet()}`, port: 8080 };
const service = { ip: `127.30.${octet()}.${octet()}`, port: 80 };

const BACKEND = `require('node:http').createServer((q, s) => s.end('ok')).listen(${backend.port}, '${backend.ip}', () => console.log('ready'));`;
const tcpProxyModule = fileURLToPath(new URL('../../../apps/node-agent/dist/proxy/tcp-proxy.js', import.meta.url));
const PROXY = `
import { TcpProxy } from ${JSON.stringify(tcpProxyModule)};
const proxy = new TcpProxy((m, e) => console.error(m, e));
await proxy.apply([{ key: 'TCP/${service.ip}:${service.port}', servicePort: 'bench/web:', kind: 'ClusterIP', protocol: 'TCP', address: '${service.ip}', port: ${service.port}, backends: [${JSON.stringify(backend)}] }]);
console.log('ready');`;

async function child(args: string[]): Promise<ChildProcess> {
  const c = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(c.stdout!, 'data');
  return c;
}

const request = (target: { ip: string; port: number }, agent: Agent | false) =>
  new Promise<void>((resolve, reject) => {
    get({ host: target.ip, port: target.port, path: '/', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    }).on('error', reject);
  });

async function closedLoop(target: { ip: string; port: number }, keepAlive: boolean, seconds = SECONDS): Promise<number> {
  const agent = keepAlive ? new Agent({ keepAlive: true, maxSockets: CONNECTIONS }) : false;
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        await request(target, agent);
        done++;
      }
    }),
  );
  if (agent) agent.destroy();
  return Math.round(done / seconds);
}

async function latency(target: { ip: string; port: number }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const ms = await atFixedRate(RATE, RATE * SECONDS, () => request(target, agent));
  agent.destroy();
  return percentiles(ms);
}

const children = [await child(['-e', BACKEND]), await child(['--input-type=module', '-e', PROXY])];
try {
  // Warm-up: JIT of the load generator, the backend and the proxy, so the first side measured is not penalised.
  for (const target of [backend, service, backend, service]) await closedLoop(target, true, 1);
  const direct = { keepAlive: await closedLoop(backend, true), newConnections: await closedLoop(backend, false), latency: await latency(backend) };
  const proxied = { keepAlive: await closedLoop(service, true), newConnections: await closedLoop(service, false), latency: await latency(service) };
  console.log(JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, rate: RATE, direct, proxied }, null, 2));
  console.log(
    `keep-alive req/s: proxy ${proxied.keepAlive} vs direct ${direct.keepAlive} (${Math.round((100 * proxied.keepAlive) / direct.keepAlive)}%); ` +
      `new connection req/s: proxy ${proxied.newConnections} vs direct ${direct.newConnections} (${Math.round((100 * proxied.newConnections) / direct.newConnections)}%); ` +
      `p99 at ${RATE} req/s: proxy ${proxied.latency.p99} ms vs direct ${direct.latency.p99} ms (added ${Math.round((proxied.latency.p99 - direct.latency.p99) * 100) / 100} ms)`,
  );
} finally {
  for (const c of children) c.kill('SIGTERM');
}

/** Endpoint change → the proxy sending new connections to the new backend, through the real watch path. */
async function reprogramming(): Promise<ReturnType<typeof percentiles>> {
  const api = await startTestApi();
  const agent = spawnNodeAgent(api.url, { nodeName: 'bench', runtime: 'process', env: { WHEELHOUSE_SERVICE_PROXY: 'true' } });
  const names = ['a', 'b'];
  const backends = names.map((name) => ({ ip: `127.126.${octet()}.${octet()}`, port: 8080, name }));
  const servers = await Promise.all(
    backends.map((b) => child(['-e', `require('node:http').createServer((q, s) => s.end('${b.name}')).listen(${b.port}, '${b.ip}', () => console.log('ready'));`])),
  );
  try {
    const { createService } = await api.ok(
      `mutation { createService(input: { metadata: { name: "bench" }, spec: { ports: [{ port: 80, targetPort: 8080 }] } }) { spec { clusterIP } } }`,
    );
    const target = { ip: createService.spec.clusterIP as string, port: 80 };
    const slice = (i: number) => ({ endpoints: [{ addresses: [backends[i % 2]!.ip], conditions: { ready: true } }] });
    await api.ok(`mutation($input: EndpointSliceInput!) { createEndpointSlice(input: $input) { metadata { name } } }`, {
      input: { metadata: { name: 'bench-1', labels: { 'kubernetes.io/service-name': 'bench' } }, addressType: 'IPv4', ports: [{ port: 8080, protocol: 'TCP' }], ...slice(0) },
    });
    const body = (t: { ip: string; port: number }) =>
      new Promise<string>((resolve, reject) => {
        get({ host: t.ip, port: t.port, path: '/', agent: false }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(text));
        }).on('error', reject);
      });
    await eventually(async () => (await body(target)) === 'a', 30_000, 'the first backend through the proxy');
    const ms: number[] = [];
    for (let i = 1; i <= SWITCHES; i++) {
      const t0 = performance.now();
      await api.ok(`mutation($patch: JSONObject!) { patchEndpointSlice(name: "bench-1", patch: $patch) { metadata { name } } }`, { patch: slice(i) });
      const want = names[i % 2];
      for (;;) {
        if ((await body(target).catch(() => '')) === want) break;
        await new Promise((r) => setTimeout(r, 1));
      }
      ms.push(performance.now() - t0);
    }
    return percentiles(ms);
  } finally {
    for (const s of servers) s.kill('SIGTERM');
    await agent.stop();
    await api.close();
  }
}

const reprogram = await reprogramming();
console.log(`endpoint change → new connections reach the new backend (API write included), ${reprogram.n} switches: p50 ${reprogram.p50} ms, p99 ${reprogram.p99} ms`);
