/**
 * `node test/dist/bench/write-profile.js [creates] [clients] [--cpu-prof]`: the API alone
 * over a throwaway database, `creates` pod creates from `clients` concurrent clients back
 * to back, then as many gets; prints the API's CPU ms per create and per get, and creates/s. With --cpu-prof the API
 * writes a V8 CPU profile to /tmp/wh-write-profile for `node --cpu-prof` analysis.
 */
import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { cpuMs, spawnApi, stop } from './processes.js';

const TOKEN = 'bench-token';
const [creates = 2000, clients = 32] = process.argv
  .slice(2)
  .filter((a) => /^\d+$/.test(a))
  .map(Number);
const profile = process.argv.includes('--cpu-prof');
const database = await createThrowawayDatabase();
const { process: api, url } = await spawnApi(database.url, TOKEN, profile ? ['--cpu-prof', '--cpu-prof-dir=/tmp/wh-write-profile'] : []);

async function gql(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors[0]!.message);
  return body.data;
}
const CREATE = `mutation($input: PodInput!) { createPod(input: $input) { metadata { resourceVersion } } }`;
const pod = (name: string) => ({
  metadata: { name, namespace: 'prof', labels: { app: 'bench' } },
  spec: { containers: [{ name: 'app', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
});
await gql(`mutation { createNamespace(input: { metadata: { name: "prof" } }) { metadata { name } } }`);
// Warm-up (JIT, pools), not measured.
for (let i = 0; i < 200; i++) await gql(CREATE, { input: pod(`warm-${i}`) });
const cpuBefore = cpuMs(api.pid!);
const started = performance.now();
await Promise.all(
  Array.from({ length: clients }, async (_, c) => {
    for (let i = c; i < creates; i += clients) await gql(CREATE, { input: pod(`p-${i}`) });
  }),
);
const seconds = (performance.now() - started) / 1000;
const cpu = cpuMs(api.pid!) - cpuBefore;
// The same number of gets of those pods, for the per-request floor (HTTP, GraphQL, one read).
const GET = `query($name: String!) { pod(namespace: "prof", name: $name) { metadata { resourceVersion } } }`;
const getCpuBefore = cpuMs(api.pid!);
await Promise.all(
  Array.from({ length: clients }, async (_, c) => {
    for (let i = c; i < creates; i += clients) await gql(GET, { name: `p-${i}` });
  }),
);
const getCpu = cpuMs(api.pid!) - getCpuBefore;
console.log(
  JSON.stringify({
    creates,
    clients,
    createsPerSecond: Math.round(creates / seconds),
    apiCpuMsPerCreate: Math.round((cpu / creates) * 1000) / 1000,
    apiCpuMsPerGet: Math.round((getCpu / creates) * 1000) / 1000,
  }),
);
await stop(api);
await database.drop();
