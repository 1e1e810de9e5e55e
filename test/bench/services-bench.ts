/**
 * npm run bench:services — Service allocation throughput and cluster DNS queries/s and
 * latency, against a real API (fresh database) and the real apps/dns process.
 *   allocation: N concurrent createService calls (ClusterIP+NodePort vs headless, which allocates nothing)
 *   dns: closed-loop UDP load (W queries in flight) of A lookups of existing Services for a few seconds,
 *        then open-loop at a fixed rate for latency under a steady load
 */
import { createSocket } from 'node:dgram';
import dnsPacket from 'dns-packet';
import { parseNodePortRange, parseServiceCidr } from '@wheelhouse/db';
import { startTestApi, type TestApi } from '../support/api.js';
import { spawnDns, testDnsEndpoint } from '../support/dns.js';
import { atFixedRate, percentiles } from './load.js';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DNS_SECONDS = Number(process.env.BENCH_DNS_SECONDS ?? 5);
const DNS_IN_FLIGHT = Number(process.env.BENCH_DNS_IN_FLIGHT ?? 32);
const DNS_RATE = Number(process.env.BENCH_DNS_RATE ?? 2000);

const CREATE = `mutation($input: ServiceInput!) { createService(input: $input) { spec { clusterIP } } }`;

async function createAll(api: TestApi, prefix: string, spec: object): Promise<{ perSecond: number; ms: ReturnType<typeof percentiles> }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < SERVICES; i = next++) {
        const t0 = performance.now();
        await api.ok(CREATE, { input: { metadata: { name: `${prefix}-${i}` }, spec: { selector: { app: prefix }, ports: [{ name: 'http', port: 80 }], ...spec } } });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { perSecond: Math.round((SERVICES / (performance.now() - started)) * 1000), ms: percentiles(latencies) };
}

/** A UDP client that matches answers to queries by ID. */
function dnsClient(address: string, port: number) {
  const socket = createSocket('udp4');
  const waiting = new Map<number, (ok: boolean) => void>();
  let id = 0;
  socket.on('message', (message) => {
    const packet = dnsPacket.decode(message);
    const done = waiting.get(packet.id ?? -1);
    waiting.delete(packet.id ?? -1);
    done?.((packet as { rcode?: string }).rcode === 'NOERROR' && (packet.answers ?? []).length > 0);
  });
  const query = (name: string) =>
    new Promise<boolean>((resolve) => {
      id = (id + 1) & 0xffff;
      const qid = id;
      const timer = setTimeout(() => {
        waiting.delete(qid);
        resolve(false);
      }, 2000);
      waiting.set(qid, (ok) => {
        clearTimeout(timer);
        resolve(ok);
      });
      socket.send(dnsPacket.encode({ type: 'query', id: qid, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name }] }), port, address);
    });
  return { query, close: () => socket.close() };
}

async function main() {
  const api = await startTestApi({ serviceRanges: { ips: parseServiceCidr('127.16.0.0/12'), nodePorts: parseNodePortRange('30000-32767') } });
  const report: Record<string, unknown> = { services: SERVICES, concurrency: CONCURRENCY };
  try {
    report.createHeadless = await createAll(api, 'hl', { clusterIP: 'None' });
    report.createClusterIP = await createAll(api, 'ip', {});
    // 2,768 NodePorts: at most that many NodePort Services.
    report.createNodePort = await createAll(api, 'np', { type: 'NodePort' });

    const endpoint = testDnsEndpoint();
    const dns = await spawnDns(api.url, endpoint, { WHEELHOUSE_DNS_UPSTREAMS: '127.0.0.1:9' });
    const client = dnsClient(endpoint.address, endpoint.port);
    const name = (i: number) => `ip-${i % SERVICES}.default.svc.cluster.local`;
    // Warm-up until the informers have every Service.
    while (!(await client.query(name(SERVICES - 1)))) await new Promise((r) => setTimeout(r, 200));
    let sent = 0;
    let failed = 0;
    const latencies: number[] = [];
    const until = performance.now() + DNS_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: DNS_IN_FLIGHT }, async () => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const ok = await client.query(name(sent++));
          latencies.push(performance.now() - t0);
          if (!ok) failed++;
        }
      }),
    );
    report.dnsClosedLoop = { inFlight: DNS_IN_FLIGHT, queriesPerSecond: Math.round(sent / DNS_SECONDS), failed, ms: percentiles(latencies) };
    let openFailed = 0;
    const open = await atFixedRate(DNS_RATE, DNS_RATE * 3, async (i) => {
      if (!(await client.query(name(i)))) openFailed++;
    });
    report.dnsOpenLoop = { ratePerSecond: DNS_RATE, failed: openFailed, ms: percentiles(open) };
    client.close();
    dns.kill('SIGTERM');
  } finally {
    await api.close();
  }
  console.log(JSON.stringify(report, null, 2));
}

await main();
