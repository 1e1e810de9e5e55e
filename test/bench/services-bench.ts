/**
 * npm run bench:services — Service allocation throughput and cluster DNS queries/s and
 * latency, against a real API (fresh database) and the real apps/dns process.
 *   allocation: N concurrent createService calls (ClusterIP+NodePort vs headless, which allocates nothing)
 *   dns: closed-loop UDP load (W queries in flight) of A lookups of existing Services for a few seconds,
 *        then open-loop at a fixed rate for latency under a steady load
 *   endpoints: a pod's readiness flipped 40 times → the EndpointSlice change seen on a watch (the real controller-manager)
 */
import { createSocket } from 'node:dgram';
import dnsPacket from 'dns-packet';
import { parseNodePortRange, parseServiceCidr } from '@wheelhouse/db';
import { startTestApi, type TestApi } from '../support/api.js';
import { spawnDns, testDnsEndpoint } from '../support/dns.js';
import { eventually, spawnControllerManager } from '../support/controller-manager.js';
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
    report.readinessToEndpointSliceMs = await readinessLatency(api);
  } finally {
    await api.close();
  }
  console.log(JSON.stringify(report, null, 2));
}

/** Time from a pod's status write to the EndpointSlice event that reflects it, as a watcher (a proxy) sees it. */
async function readinessLatency(api: TestApi): Promise<ReturnType<typeof percentiles> & { max: number }> {
  const manager = spawnControllerManager(api.url);
  try {
    await api.ok(CREATE, { input: { metadata: { name: 'flip' }, spec: { selector: { app: 'flip' }, ports: [{ name: 'http', port: 80 }] } } });
    const inputs = Array.from({ length: 20 }, (_, i) => ({
      metadata: { name: `flip-${i}`, labels: { app: 'flip' } },
      spec: { containers: [{ name: 'a', image: 'x', command: ['sleep', '1'] }] },
    }));
    await api.ok(`mutation($inputs: [PodInput!]!) { createPods(inputs: $inputs) { metadata { name } } }`, { inputs });
    const status = (i: number, ready: boolean) => ({
      status: { phase: 'Running', podIP: `127.64.99.${i + 1}`, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
    });
    await api.ok(`mutation($items: [ObjectPatch!]!) { patchPodsStatus(items: $items) { metadata { name } } }`, {
      items: inputs.map((p, i) => ({ name: p.metadata.name, patch: status(i, true) })),
    });
    type Ep = { addresses: string[]; conditions: { ready: boolean } };
    const seen = new Map<string, boolean>();
    let onChange = () => {};
    const ws = api.ws();
    ws.subscribe<{ watchEndpointSlices: { object: { endpoints: Ep[] | null } } }>(
      { query: `subscription { watchEndpointSlices(namespace: "default") { type object { endpoints { addresses conditions { ready } } } } }` },
      {
        next: ({ data }) => {
          for (const ep of data?.watchEndpointSlices.object.endpoints ?? []) seen.set(ep.addresses[0]!, ep.conditions.ready);
          onChange();
        },
        error: () => {},
        complete: () => {},
      },
    );
    await eventually(async () => [...seen.values()].filter(Boolean).length === 20, 120_000, '20 ready endpoints');
    // A fresh controller-manager first gives every existing Service its placeholder slice and Endpoints:
    // measure once that backlog is done, as a cluster in steady state.
    await eventually(
      async () => {
        const d = await api.ok(`{ services { items { metadata { name } } } endpointsList { items { metadata { name } } } endpointSlices { items { metadata { labels } } } }`);
        const sliced = new Set(d.endpointSlices.items.map((s: { metadata: { labels: Record<string, string> } }) => s.metadata.labels['kubernetes.io/service-name']));
        // kube-dns has no selector: neither controller gives it anything.
        return d.endpointsList.items.length >= d.services.items.length - 1 && sliced.size >= d.services.items.length - 1;
      },
      600_000,
      'every Service reconciled',
    );
    const latencies: number[] = [];
    for (let round = 0; round < 40; round++) {
      const i = round % 20;
      const ready = round % 40 >= 20;
      const ip = `127.64.99.${i + 1}`;
      const reflected = new Promise<void>((resolve) => {
        onChange = () => {
          if (seen.get(ip) === ready) resolve();
        };
      });
      const t0 = performance.now();
      await api.ok(`mutation($name: String!, $patch: JSONObject!) { patchPodStatus(name: $name, patch: $patch) { metadata { name } } }`, {
        name: `flip-${i}`,
        patch: status(i, ready),
      });
      await reflected;
      latencies.push(performance.now() - t0);
    }
    await ws.dispose();
    if (process.env.BENCH_DEBUG) console.error(latencies.map(Math.round).join(' '), manager.output());
    return { ...percentiles(latencies), max: Math.round(Math.max(...latencies)) };
  } finally {
    manager.kill('SIGTERM');
  }
}

await main();
