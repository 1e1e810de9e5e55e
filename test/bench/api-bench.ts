/**
 * `npm run bench:api`: the API as a child process over a throwaway database; prints
 * JSON with p50/p99 latencies (ms) of create, get, list (1k and 10k pods) and patch at
 * a fixed 200 req/s, watch delivery latency with 200 subscribers, and API RSS.
 */
import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { atFixedRate, percentiles } from './load.js';
import { measurePostgresCeiling } from './pg-ceiling.js';
import { cpuMs, rssMiB, spawnApi, stop } from './processes.js';

const TOKEN = 'bench-token';
const RATE = 200;

// Measured first, on an idle server: the figures below are read against it.
const postgresCeiling = await measurePostgresCeiling();
const database = await createThrowawayDatabase();
const { process: api, url } = await spawnApi(database.url, TOKEN);

async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data;
}

const pod = (name: string, ns: string) => ({
  metadata: { name, namespace: ns, labels: { app: 'bench', shard: String(name.length % 4) } },
  spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
});
const CREATE = `mutation($input: PodInput!) { createPod(input: $input) { metadata { resourceVersion } } }`;
const GET = `query($ns: String, $name: String!) { pod(namespace: $ns, name: $name) { metadata { resourceVersion } } }`;
const PATCH = `mutation($ns: String, $name: String!, $patch: JSONObject!) { patchPod(namespace: $ns, name: $name, patch: $patch) { metadata { resourceVersion } } }`;
const LIST = `query($ns: String) { pods(namespace: $ns) { metadata { resourceVersion } items { metadata { name resourceVersion labels } spec { nodeName } status { phase } } } }`;

for (const ns of ['bench', 'bulk', 'sustained', 'watch'])
  await gql(`mutation($n: String!) { createNamespace(input: { metadata: { name: $n } }) { metadata { name } } }`, { n: ns });

const phase = (name: string) => process.stderr.write(`bench: ${name}\n`);
/** The API's CPU (user + system) per call of a phase, in ms: its CPU time over the phase / calls. */
const apiCpuMsPer: Record<string, number> = {};
async function measured<T>(name: string, calls: number, run: () => Promise<T>): Promise<T> {
  phase(name);
  const before = cpuMs(api.pid!);
  const result = await run();
  apiCpuMsPer[name] = Math.round(((cpuMs(api.pid!) - before) / calls) * 1000) / 1000;
  return result;
}
const create = await measured('create', 1000, () => atFixedRate(RATE, 1000, (i) => gql(CREATE, { input: pod(`p-${i}`, 'bench') })));
const get = await measured('get', 1000, () => atFixedRate(RATE, 1000, (i) => gql(GET, { ns: 'bench', name: `p-${i}` })));
const patch = await measured('patch', 1000, () => atFixedRate(RATE, 1000, (i) => gql(PATCH, { ns: 'bench', name: `p-${i}`, patch: { metadata: { labels: { patched: 'yes' } } } })));
phase('list 1k');
const list1k = await atFixedRate(2, 10, () => gql(LIST, { ns: 'bench' }));

// 9,000 more pods through apply (500 documents a call) for the 10k list.
phase('bulk apply');
const bulkStart = performance.now();
for (let batch = 0; batch < 18; batch++) {
  const docs = Array.from({ length: 500 }, (_, i) => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', ...pod(`b-${batch}-${i}`, 'bulk') }));
  await gql(`mutation($m: String!) { apply(manifest: $m) { objects { name } } }`, { m: docs.join('\n---\n') });
}
const bulkSeconds = (performance.now() - bulkStart) / 1000;
phase('list 10k');
const list10k = await atFixedRate(1, 5, () => gql(LIST, {}));

// Sustained single creates: 32 clients back to back, each waiting for its answer.
const CLIENTS = 32;
const SUSTAINED = 3000;
const sustainedStart = performance.now();
await measured('sustainedCreate', SUSTAINED, () =>
  Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = c; i < SUSTAINED; i += CLIENTS) await gql(CREATE, { input: pod(`s-${i}`, 'sustained') });
    }),
  ),
);
const sustainedCreatesPerSecond = Math.round(SUSTAINED / ((performance.now() - sustainedStart) / 1000));

// Watch delivery: 200 subscribers on one namespace, 1,000 events/s (applies of 10 pods at
// 100 calls/s); latency from the write's send time to each subscriber.
phase('watch');
const SUBSCRIBERS = 200;
const BATCH = 10;
const EVENTS = 3000;
await gql(CREATE, { input: pod('w-0', 'watch') });
const delivery: number[] = [];
let received = 0;
let refusedWrites = 0;
const sockets = Array.from({ length: 10 }, () =>
  createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TOKEN}` } }),
);
const { pod: w0 } = await gql(GET, { ns: 'watch', name: 'w-0' });
for (let s = 0; s < SUBSCRIBERS; s++) {
  sockets[s % sockets.length]!.subscribe<{ watchPods: { object: { metadata: { annotations: Record<string, string> } } } }>(
    {
      query: `subscription($rv: String) { watchPods(namespace: "watch", resourceVersion: $rv) { object { metadata { annotations } } } }`,
      variables: { rv: w0.metadata.resourceVersion },
    },
    {
      next: (value) => {
        const sent = Number(value.data?.watchPods.object.metadata.annotations?.['bench/sent']);
        if (!sent) return;
        delivery.push(Date.now() - sent);
        received++;
      },
      error: () => {},
      complete: () => {},
    },
  );
}
await new Promise((r) => setTimeout(r, 2000));
const writeStart = performance.now();
const watchCpuBefore = cpuMs(api.pid!);
const watchWrites = await atFixedRate(1000 / BATCH, EVENTS / BATCH, (i) => {
  const sent = String(Date.now());
  const docs = Array.from({ length: BATCH }, (_, j) =>
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      ...pod(`w-${i}-${j}`, 'watch'),
      metadata: { name: `w-${i}-${j}`, namespace: 'watch', annotations: { 'bench/sent': sent, 'bench/i': String(i) } },
    }),
  );
  // The API's admission control may refuse a write (429): counted, and its events not expected.
  return gql(`mutation($m: String!) { apply(manifest: $m) { objects { name } } }`, { m: docs.join('\n---\n') }).catch((error: Error) => {
    if (!error.message.startsWith('Too many requests')) throw error;
    refusedWrites++;
  });
});
// Events written (refused writes excluded) per second.
const achievedRate = (EVENTS - refusedWrites * BATCH) / ((performance.now() - writeStart) / 1000);
const expected = SUBSCRIBERS * (EVENTS - refusedWrites * BATCH);
for (const until = Date.now() + 60_000; received < expected && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
// The API's CPU per event delivered to one subscriber (the writes included).
apiCpuMsPer.watchDelivery = Math.round(((cpuMs(api.pid!) - watchCpuBefore) / Math.max(1, received)) * 1000) / 1000;

const memory = rssMiB(api.pid!);
console.log(
  JSON.stringify(
    {
      simplifications: [
        'the API alone: no controller-manager, scheduler or node agent writes during the run',
        'pods are rows only: never scheduled, never run',
        `create, get and patch are sent at a fixed ${RATE} req/s from one process on the same machine: latencies at that rate, not the peak rate`,
        'client, API and PostgreSQL share the machine (see postgresCeiling.cpus and loadAverage1m)',
      ],
      postgresCeiling,
      rate: RATE,
      createMs: percentiles(create),
      getMs: percentiles(get),
      patchMs: percentiles(patch),
      sustainedCreates: { clients: CLIENTS, creates: SUSTAINED, perSecond: sustainedCreatesPerSecond },
      apiCpuMsPer,
      list1kMs: percentiles(list1k),
      list10kMs: percentiles(list10k),
      bulkApply9kSeconds: Math.round(bulkSeconds * 100) / 100,
      watch: {
        subscribers: SUBSCRIBERS,
        events: EVENTS,
        writeRatePerSecond: Math.round(achievedRate),
        writeMs: percentiles(watchWrites),
        writesRefused429: refusedWrites,
        deliveredOfExpected: `${received}/${expected}`,
        deliveryMs: percentiles(delivery),
      },
      apiRssMiB: memory.rss,
      apiPeakRssMiB: memory.peak,
    },
    null,
    2,
  ),
);
await Promise.all(sockets.map((s) => s.dispose()));
await stop(api);
await database.drop();
