/**
 * `node test/dist/bench/watch-profile.js [subscribers] [events] [--cpu-prof]`: the API alone,
 * `subscribers` pod watches (over 10 WebSockets) on one namespace, `events` pods created
 * by applies of 10 at 100 calls/s; prints the API's CPU µs per delivered event, delivered
 * of expected and delivery p50/p99. With --cpu-prof the API writes a V8 CPU profile to /tmp/wh-watch-profile.
 */
import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { atFixedRate, percentiles } from './load.js';
import { cpuMs, spawnApi, stop } from './processes.js';

const TOKEN = 'bench-token';
const [subscribers = 200, events = 3000] = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const profile = process.argv.includes('--cpu-prof');
const database = await createThrowawayDatabase();
const { process: api, url } = await spawnApi(database.url, TOKEN, profile ? ['--cpu-prof', '--cpu-prof-dir=/tmp/wh-watch-profile'] : []);
async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data;
}
await gql(`mutation { createNamespace(input: { metadata: { name: "watch" } }) { metadata { resourceVersion } } }`);
const sockets = Array.from({ length: 10 }, () =>
  createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TOKEN}` } }),
);
const delivery: number[] = [];
for (let s = 0; s < subscribers; s++) {
  sockets[s % sockets.length]!.subscribe<{ watchPods: { object: { metadata: { annotations: Record<string, string> } } } }>(
    { query: `subscription { watchPods(namespace: "watch") { type object { metadata { name resourceVersion annotations } spec { nodeName } status { phase } } } }` },
    {
      next: (value) => {
        const sent = Number(value.data?.watchPods.object.metadata.annotations?.['bench/sent']);
        if (sent) delivery.push(Date.now() - sent);
      },
      error: () => {},
      complete: () => {},
    },
  );
}
await new Promise((r) => setTimeout(r, 2000));
const BATCH = 10;
const cpuBefore = cpuMs(api.pid!);
let refused = 0;
await atFixedRate(100, events / BATCH, (i) => {
  const sent = String(Date.now());
  const docs = Array.from({ length: BATCH }, (_, j) =>
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `w-${i}-${j}`, namespace: 'watch', annotations: { 'bench/sent': sent } },
      spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] },
    }),
  );
  return gql(`mutation($m: String!) { apply(manifest: $m) { objects { name } } }`, { m: docs.join('\n---\n') }).catch(() => refused++);
});
const expected = subscribers * (events - refused * BATCH);
for (const until = Date.now() + 60_000; delivery.length < expected && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100));
const cpu = cpuMs(api.pid!) - cpuBefore;
console.log(
  JSON.stringify({
    subscribers,
    events,
    refusedWrites: refused,
    delivered: `${delivery.length}/${expected}`,
    apiCpuUsPerDelivery: Math.round(((cpu * 1000) / Math.max(1, delivery.length)) * 100) / 100,
    apiCpuSeconds: cpu / 1000,
    deliveryMs: percentiles(delivery),
  }),
);
await Promise.all(sockets.map((s) => s.dispose()));
await stop(api);
await database.drop();
