/**
 * npm run bench:ingress — the real ingress controller process in front of an echo server
 * process, against the same server reached directly, in one run:
 *   small: closed loop (W requests in flight, keep-alive) of small JSON responses for S seconds
 *   large: closed loop of 1 MiB responses
 *   steady: open loop at R req/s (latency added at a fixed rate)
 *   configChange: from an Ingress patch to the first request served by the new path
 * and the PostgreSQL ceiling (pgbench) of this machine, as the other benches print it.
 */
import { Agent, request } from 'node:http';
import { startTestApi } from '../support/api.js';
import { spawnIngressController, startEchoBackend, stopEcho } from '../support/ingress.js';
import { atFixedRate, percentiles } from './load.js';
import { measurePostgresCeiling } from './pg-ceiling.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
const LARGE_IN_FLIGHT = Number(process.env.BENCH_LARGE_IN_FLIGHT ?? 8);
const RATE = Number(process.env.BENCH_RATE ?? 1000);
const MIB = 1024 * 1024;

interface Endpoint {
  host: string;
  port: number;
  hostHeader: string;
}

function get(agent: Agent, e: Endpoint, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: e.host, port: e.port, path, agent, headers: { host: e.hostHeader } }, (res) => {
      let size = 0;
      res.on('data', (c: Buffer) => (size += c.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(size) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

async function closedLoop(e: Endpoint, path: string, inFlight: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  const latencies: number[] = [];
  let failed = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await get(agent, e, path).catch(() => failed++);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  agent.destroy();
  return { inFlight, requestsPerSecond: Math.round(latencies.length / SECONDS), failed, ms: percentiles(latencies) };
}

async function openLoop(e: Endpoint) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let failed = 0;
  const latencies = await atFixedRate(RATE, RATE * 3, () => get(agent, e, '/small').catch(() => failed++));
  agent.destroy();
  return { ratePerSecond: RATE, failed, ms: percentiles(latencies) };
}

async function main(): Promise<void> {
  const api = await startTestApi();
  const ns = 'bench';
  const report: Record<string, unknown> = { seconds: SECONDS };
  const controller = await spawnIngressController(api.url);
  const backends = [];
  try {
    await api.ok(`mutation($input: NamespaceInput!) { createNamespace(input: $input) { metadata { name } } }`, { input: { metadata: { name: ns } } });
    const echo = await startEchoBackend(api, ns, 'echo');
    const fresh = await startEchoBackend(api, ns, 'fresh');
    backends.push(echo, fresh);
    const rule = (extra: object[]) => ({
      host: 'bench.test',
      http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'echo', port: { number: 8080 } } } }, ...extra] },
    });
    await api.ok(`mutation($ns: String, $input: IngressInput!) { createIngress(namespace: $ns, input: $input) { metadata { name } } }`, {
      ns,
      input: { metadata: { name: 'bench' }, spec: { rules: [rule([])] } },
    });
    const ingress: Endpoint = { host: '127.0.0.1', port: controller.httpPort, hostHeader: 'bench.test' };
    const direct: Endpoint = { host: echo.addresses[0]!, port: 8080, hostHeader: 'bench.test' };
    const warm = new Agent({ keepAlive: true });
    for (let i = 0; ; i++) {
      if (
        await get(warm, ingress, '/small').then(
          () => true,
          () => false,
        )
      )
        break;
      if (i > 200) throw new Error('ingress never served the bench route');
      await new Promise((r) => setTimeout(r, 100));
    }
    report.small = { direct: await closedLoop(direct, '/small', IN_FLIGHT), ingress: await closedLoop(ingress, '/small', IN_FLIGHT) };
    report.large1MiB = { direct: await closedLoop(direct, `/bytes/${MIB}`, LARGE_IN_FLIGHT), ingress: await closedLoop(ingress, `/bytes/${MIB}`, LARGE_IN_FLIGHT) };
    report.steady = { direct: await openLoop(direct), ingress: await openLoop(ingress) };
    // Config change → served: patch in a new path to another Service and poll it every 2 ms.
    const changes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const extra = { path: `/new-${i}`, pathType: 'Exact', backend: { service: { name: 'fresh', port: { number: 8080 } } } };
      const t0 = performance.now();
      await api.ok(`mutation($ns: String, $patch: JSONObject!) { patchIngress(namespace: $ns, name: "bench", patch: $patch) { metadata { name } } }`, {
        ns,
        patch: { spec: { rules: [rule([extra])] } },
      });
      for (;;) {
        const body = await new Promise<string>((resolve, reject) => {
          const req = request({ host: '127.0.0.1', port: controller.httpPort, path: `/new-${i}`, agent: warm, headers: { host: 'bench.test' } }, (res) => {
            let data = '';
            res.on('data', (c: Buffer) => (data += c.toString()));
            res.on('end', () => resolve(data));
          });
          req.on('error', reject);
          req.end();
        });
        if (body.includes('"service":"fresh"')) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      changes.push(performance.now() - t0);
    }
    warm.destroy();
    report.configChangeToServedMs = percentiles(changes);
    report.postgresCeiling = await measurePostgresCeiling();
  } finally {
    stopEcho(backends);
    controller.child.kill('SIGTERM');
    await api.close();
  }
  console.log(JSON.stringify(report, null, 2));
}

await main();
