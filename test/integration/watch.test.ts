import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { compactChangeLog } from '@wheelhouse/db';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApi, collect, podInput, TEST_TOKEN, type TestApi } from '../support/api.js';

let api: TestApi;
before(async () => {
  api = await startTestApi();
  await api.ok(`mutation { createNamespace(input: { metadata: { name: "w" } }) { metadata { name } } }`);
});
after(async () => api?.close());

type Event = { watchPods: { type: string; object: { metadata: { name: string; resourceVersion: string; labels: Record<string, string> } } } };
const WATCH = `subscription($rv: String, $sel: String) { watchPods(namespace: "w", resourceVersion: $rv, labelSelector: $sel) { type object { metadata { name resourceVersion labels } } } }`;
const CREATE = `mutation($input: PodInput!) { createPod(namespace: "w", input: $input) { metadata { resourceVersion } } }`;
const LABEL = `mutation($name: String!, $v: String!) { patchPod(namespace: "w", name: $name, patch: { metadata: { labels: { step: $v } } }) { metadata { resourceVersion } } }`;

const revisions = (events: Event[]) => events.map((e) => BigInt(e.watchPods.object.metadata.resourceVersion));

function assertStrictlyIncreasing(values: bigint[]) {
  for (let i = 1; i < values.length; i++) assert.ok(values[i]! > values[i - 1]!, `revision ${values[i]} after ${values[i - 1]}`);
}

describe('watch', () => {
  test('without a resourceVersion: current objects as ADDED, then live changes', async () => {
    await api.ok(CREATE, { input: podInput('seed') });
    const ws = api.ws();
    const watch = collect<Event>(ws, WATCH, {}, 2);
    await new Promise((r) => setTimeout(r, 300));
    await api.ok(LABEL, { name: 'seed', v: 'live' });
    const events = await watch.done;
    assert.deepEqual(
      events.map((e) => e.watchPods.type),
      ['ADDED', 'MODIFIED'],
    );
    assert.equal(events[1]!.watchPods.object.metadata.labels.step, 'live');
  });

  test('resume after a disconnect delivers every missed change once, in order', async () => {
    const { createPod } = await api.ok(CREATE, { input: podInput('resume') });
    const first = api.ws();
    const one = collect<Event>(first, WATCH, { rv: createPod.metadata.resourceVersion }, 1);
    await api.ok(LABEL, { name: 'resume', v: 'first' });
    const [seen] = await one.done;
    await first.dispose();
    const lastSeen = seen!.watchPods.object.metadata.resourceVersion;

    for (let i = 0; i < 100; i++) await api.ok(LABEL, { name: i % 2 ? 'resume' : 'seed', v: String(i) });
    const events = await collect<Event>(api.ws(), WATCH, { rv: lastSeen }, 100).done;
    assert.equal(events.length, 100);
    assertStrictlyIncreasing(revisions(events));
    assert.deepEqual(
      events.map((e) => e.watchPods.object.metadata.labels.step),
      Array.from({ length: 100 }, (_, i) => String(i)),
    );
    assert.ok(events.every((e) => e.watchPods.type === 'MODIFIED'));
  });

  test('label-selector watch: entering the selector is ADDED, leaving it is DELETED', async () => {
    const { createPod } = await api.ok(CREATE, { input: podInput('mover') });
    const watch = collect<Event>(api.ws(), WATCH, { rv: createPod.metadata.resourceVersion, sel: 'step=on' }, 2);
    await api.ok(LABEL, { name: 'mover', v: 'on' });
    await api.ok(LABEL, { name: 'seed', v: 'unrelated' });
    await api.ok(LABEL, { name: 'mover', v: 'off' });
    const events = await watch.done;
    assert.deepEqual(
      events.map((e) => [e.watchPods.type, e.watchPods.object.metadata.name]),
      [
        ['ADDED', 'mover'],
        ['DELETED', 'mover'],
      ],
    );
  });

  test('a transaction that took a lower revision and commits after a higher one is still delivered, in order', async () => {
    const { createPod } = await api.ok(CREATE, { input: podInput('slow') });
    const start = createPod.metadata.resourceVersion;
    const watch = collect<Event>(api.ws(), WATCH, { rv: start }, 2);
    // A slow writer takes the next revision and holds its transaction open ...
    const slow = new pg.Client({ connectionString: api.databaseUrl });
    await slow.connect();
    await slow.query('BEGIN');
    const { rows } = await slow.query(`UPDATE "counters" SET "value" = "value" + 1 WHERE "name" = 'revision' RETURNING "value"`);
    const lowRevision = String(rows[0].value);
    // ... while a normal write starts (it must wait for the slow one, and gets a higher revision).
    const fast = api.ok(LABEL, { name: 'seed', v: 'fast' });
    await new Promise((r) => setTimeout(r, 300));
    const object = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'slow', namespace: 'w', uid: '00000000-0000-4000-8000-000000000001', resourceVersion: lowRevision, labels: { step: 'slow' } },
      spec: {},
      status: {},
    };
    await slow.query(`INSERT INTO "change_log" ("revision","kind","namespace","name","uid","type","object") VALUES ($1,'Pod','w','slow',$2,'MODIFIED',$3)`, [
      lowRevision,
      object.metadata.uid,
      JSON.stringify(object),
    ]);
    await slow.query(`SELECT pg_notify('wheelhouse_changes', $1)`, [lowRevision]);
    await slow.query('COMMIT');
    await slow.end();
    await fast;
    const events = await watch.done;
    assert.deepEqual(
      events.map((e) => e.watchPods.object.metadata.labels.step),
      ['slow', 'fast'],
    );
    assert.equal(events[0]!.watchPods.object.metadata.resourceVersion, lowRevision);
    assertStrictlyIncreasing(revisions(events));
  });

  test('a compacted resourceVersion fails with EXPIRED', async () => {
    const { createPod } = await api.ok(CREATE, { input: podInput('old') });
    await api.ok(LABEL, { name: 'old', v: 'newer' });
    await compactChangeLog(api.server.db, { retentionSeconds: 0, minRevisions: 0 });
    const watch = collect<Event>(api.ws(), WATCH, { rv: '1' }, 1, 5000);
    const error = await watch.done.then(
      () => undefined,
      (e: { errors?: { extensions?: { code?: string } }[] }) => e,
    );
    assert.equal(error?.errors?.[0]?.extensions?.code, 'EXPIRED', JSON.stringify(error));
    // A revision after the compaction horizon still works.
    const { patchPod } = await api.ok(LABEL, { name: 'old', v: 'after' });
    const fresh = collect<Event>(api.ws(), WATCH, { rv: patchPod.metadata.resourceVersion }, 1);
    await api.ok(LABEL, { name: 'old', v: 'latest' });
    assert.equal((await fresh.done)[0]!.watchPods.object.metadata.labels.step, 'latest');
    assert.ok(createPod.metadata.resourceVersion);
  });
});

describe('two API processes on one database', () => {
  let child: ChildProcess | undefined;
  after(() => {
    child?.kill('SIGTERM');
  });

  test('a watch on the second process sees writes made through the first', async () => {
    const main = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));
    child = spawn(process.execPath, [main], {
      env: { ...process.env, DATABASE_URL: api.databaseUrl, PORT: '0', WHEELHOUSE_ADMIN_TOKEN: TEST_TOKEN, WHEELHOUSE_DATA_DIR: '/tmp/wh-second-api' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child!.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /API listening on (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child!.on('exit', (code) => reject(new Error(`second API exited ${code}: ${output}`)));
    });
    const { createPod } = await api.ok(CREATE, { input: podInput('shared') });
    const second = createClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${TEST_TOKEN}` }, retryAttempts: 0 });
    const onSecond = collect<Event>(second, WATCH, { rv: createPod.metadata.resourceVersion }, 50);
    const onFirst = collect<Event>(api.ws(), WATCH, { rv: createPod.metadata.resourceVersion }, 50);
    for (let i = 0; i < 50; i++) await api.ok(LABEL, { name: 'shared', v: String(i) });
    const [a, b] = await Promise.all([onFirst.done, onSecond.done]);
    assert.deepEqual(revisions(b), revisions(a));
    assertStrictlyIncreasing(revisions(b));
    await second.dispose();
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, 'the API exits 0 on SIGTERM');
    child = undefined;
  });
});
