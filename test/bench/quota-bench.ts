/**
 * `npm run bench:quota [-- --creates 300]`: what quota and LimitRange admission cost per
 * create. The API as its own process over a throwaway database; `--creates` sequential
 * createPod calls alternating between a namespace without quota or LimitRange (admission
 * still reads both, finding none) and one with a ResourceQuota (pods, requests.cpu;
 * status set as the controller would: each create also writes it) and a LimitRange with
 * defaults; p50/p99 of each. Prints JSON.
 */
import { parseArgs } from 'node:util';
import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { percentiles } from './load.js';
import { spawnApi, stop } from './processes.js';
import { TEST_TOKEN } from '../support/api.js';

const { values: args } = parseArgs({ options: { creates: { type: 'string', default: '300' } } });
const CREATES = Number(args.creates);

const database = await createThrowawayDatabase();
const { process: api, url } = await spawnApi(database.url, TEST_TOKEN);
const gql = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
};
const pod = (ns: string, name: string) =>
  gql(`mutation($ns: String, $input: PodInput!) { createPod(namespace: $ns, input: $input) { metadata { name } } }`, {
    ns,
    input: { metadata: { name }, spec: { containers: [{ name: 'app', image: 'busybox:1.36', resources: { requests: { cpu: '1m' } } }] } },
  });
/** Interleaved, so both namespaces see the same machine load. */
const timed = async () => {
  const ms: Record<string, number[]> = { plain: [], quota: [] };
  for (let i = 0; i < CREATES; i++) {
    for (const ns of ['plain', 'quota']) {
      const t = performance.now();
      await pod(ns, `p-${i}`);
      ms[ns]!.push(performance.now() - t);
    }
  }
  return { noQuotaOrLimitRange: percentiles(ms.plain!), quotaAndLimitRange: percentiles(ms.quota!) };
};
try {
  for (const ns of ['plain', 'quota']) await gql(`mutation($n: String!) { createNamespace(input: { metadata: { name: $n } }) { metadata { name } } }`, { n: ns });
  const hard = { pods: String(CREATES * 2), 'requests.cpu': '1000' };
  await gql(`mutation($input: ResourceQuotaInput!) { createResourceQuota(namespace: "quota", input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'q' }, spec: { hard } },
  });
  await gql(`mutation($p: JSONObject!) { patchResourceQuotaStatus(namespace: "quota", name: "q", patch: $p) { metadata { name } } }`, {
    p: { status: { hard, used: { pods: '0', 'requests.cpu': '0' } } },
  });
  await gql(`mutation($input: LimitRangeInput!) { createLimitRange(namespace: "quota", input: $input) { metadata { name } } }`, {
    input: { metadata: { name: 'l' }, spec: { limits: [{ type: 'Container', default: { memory: '64Mi', cpu: '10m' }, max: { cpu: '2' } }] } },
  });
  for (let i = 0; i < 50; i++) await pod('plain', `warm-${i}`);
  console.log(JSON.stringify({ creates: CREATES, createPodMs: await timed() }, null, 2));
} finally {
  await stop(api);
  await database.drop();
}
