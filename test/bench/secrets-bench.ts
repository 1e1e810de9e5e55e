/**
 * `npm run bench:secrets [-- --writes 300 --bytes 1024]`: what encryption at rest costs.
 * (1) In process: sealing and opening one Secret of `--bytes` of data (AES-256-GCM
 * envelope, libs/db/src/at-rest), per object. (2) Through the API as its own process over
 * a throwaway database: `--writes` sequential createSecret calls against as many
 * createConfigMap calls carrying the same bytes (same store path, no encryption), interleaved, p50/p99.
 * Prints JSON, with the PostgreSQL ceiling of the same run and what the run simplifies.
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { createThrowawayDatabase } from '@wheelhouse/migrate';
import { newKey, openObject, sealObject, staticKeyring } from '@wheelhouse/db';
import { SecretKind, type KubeObject } from '@wheelhouse/resources';
import { percentiles } from './load.js';
import { measurePostgresCeiling } from './pg-ceiling.js';
import { spawnApi, stop } from './processes.js';
import { TEST_TOKEN } from '../support/api.js';

const { values: args } = parseArgs({ options: { writes: { type: 'string', default: '300' }, bytes: { type: 'string', default: '1024' } } });
const WRITES = Number(args.writes);
const BYTES = Number(args.bytes);
const value = randomBytes(BYTES).toString('base64');

function inProcess() {
  const ring = staticKeyring([newKey('key1')]);
  const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'default' }, type: 'Opaque', data: { value } };
  const rounds = 20_000;
  for (let i = 0; i < 1000; i++) openObject(SecretKind, sealObject(SecretKind, secret, ring), ring);
  let started = process.hrtime.bigint();
  let sealed = secret;
  for (let i = 0; i < rounds; i++) sealed = sealObject(SecretKind, secret, ring);
  const sealUs = Number(process.hrtime.bigint() - started) / 1000 / rounds;
  started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) openObject(SecretKind, sealed, ring);
  const openUs = Number(process.hrtime.bigint() - started) / 1000 / rounds;
  return { sealMicroseconds: Math.round(sealUs * 100) / 100, openMicroseconds: Math.round(openUs * 100) / 100 };
}

async function throughApi() {
  const database = await createThrowawayDatabase();
  const { process: api, url } = await spawnApi(database.url, TEST_TOKEN);
  const gql = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  /** Interleaved, so both kinds see the same machine load. */
  const timed = async (makers: Record<string, (i: number) => Promise<void>>) => {
    const ms: Record<string, number[]> = Object.fromEntries(Object.keys(makers).map((k) => [k, []]));
    for (let i = 0; i < WRITES; i++) {
      for (const [name, make] of Object.entries(makers)) {
        const t = performance.now();
        await make(i);
        ms[name]!.push(performance.now() - t);
      }
    }
    return Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, percentiles(v)]));
  };
  try {
    // Warm-up of both paths, then both measured interleaved.
    for (let i = 0; i < 50; i++) {
      await gql(`mutation($i: SecretInput!) { createSecret(input: $i) { metadata { name } } }`, { i: { metadata: { name: `warm-${i}` }, data: { value } } });
      await gql(`mutation($i: ConfigMapInput!) { createConfigMap(input: $i) { metadata { name } } }`, { i: { metadata: { name: `warm-${i}` }, binaryData: { value } } });
    }
    return await timed({
      createConfigMapMs: (i) =>
        gql(`mutation($i: ConfigMapInput!) { createConfigMap(input: $i) { metadata { name } } }`, { i: { metadata: { name: `cm-${i}` }, binaryData: { value } } }),
      createSecretMs: (i) => gql(`mutation($i: SecretInput!) { createSecret(input: $i) { metadata { name } } }`, { i: { metadata: { name: `s-${i}` }, data: { value } } }),
    });
  } finally {
    await stop(api);
    await database.drop();
  }
}

// Measured first, on an idle server: the figures below are read against it.
const postgresCeiling = await measurePostgresCeiling();
const simplifications = [
  'one key in the keyring (no rotation during the run); the in-process figures exclude I/O',
  'API writes are sequential, one at a time from one client: latency per write, not throughput',
  'client, API and PostgreSQL share the machine (see postgresCeiling.cpus and loadAverage1m)',
];
console.log(JSON.stringify({ simplifications, postgresCeiling, bytes: BYTES, writes: WRITES, perObject: inProcess(), api: await throughApi() }, null, 2));
