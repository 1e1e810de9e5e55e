// `wh wait` as a subprocess against a real API: it returns when the condition holds, or times out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/api.js';
import { whRunner } from '../support/wh.js';

let api: TestApi;
let wh: ReturnType<typeof whRunner>;
before(async () => {
  api = await startTestApi();
  wh = whRunner(api.url);
  for (const name of ['p1', 'p2', 'gone']) {
    await api.ok(`mutation($input: PodInput!) { createPod(namespace: "default", input: $input) { metadata { name } } }`, {
      input: { metadata: { name, labels: { group: name === 'gone' ? 'other' : 'waiters' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
    });
  }
});
after(async () => {
  await wh?.stopAll();
  await api?.close();
});

const setStatus = (name: string, phase: string, ready: string) =>
  api.ok(`mutation($patch: JSONObject!) { patchPodStatus(namespace: "default", name: "${name}", patch: $patch) { metadata { name } } }`, {
    patch: { status: { phase, conditions: [{ type: 'Ready', status: ready }] } },
  });

test('wait --for=condition=Ready returns once the pods are ready, one line each', async () => {
  const waiting = wh.stream(['wait', '--for=condition=Ready', 'pod', '-l', 'group=waiters', '--timeout', '60s']);
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(waiting.stdout, '', 'nothing is ready yet');
  await setStatus('p1', 'Running', 'True');
  await setStatus('p2', 'Running', 'True');
  assert.equal(await waiting.exited(), 0, waiting.stderr);
  assert.equal(waiting.stdout, 'pod/p1 condition met\npod/p2 condition met\n');
});

test('wait --for=jsonpath and --for=delete', async () => {
  const phase = wh.stream(['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/p1']);
  await setStatus('p1', 'Succeeded', 'False');
  assert.equal(await phase.exited(), 0, phase.stderr);
  assert.equal(phase.stdout, 'pod/p1 condition met\n');
  const deletion = wh.stream(['wait', '--for=delete', 'pod/gone', '--timeout', '60s']);
  await api.ok(`mutation { deletePod(namespace: "default", name: "gone", gracePeriodSeconds: 0) { metadata { name } } }`);
  assert.equal(await deletion.exited(), 0, deletion.stderr);
  assert.equal(deletion.stdout, 'pod/gone condition met\n');
});

test('wait errors: a timeout, a missing object, no match, no --for', async () => {
  const timedOut = await wh.run(['wait', '--for=condition=Ready', 'pod/p1', '--timeout', '1s']);
  assert.deepEqual([timedOut.code, timedOut.stdout], [1, '']);
  assert.equal(timedOut.stderr, 'error: timed out waiting for the condition on pods/p1\n');
  const missing = await wh.run(['wait', '--for=condition=Ready', 'pod/nope']);
  assert.equal(missing.stderr, 'Error from server (NotFound): pods "nope" not found\n');
  const none = await wh.run(['wait', '--for=condition=Ready', 'pods', '-l', 'group=nobody']);
  assert.deepEqual([none.code, none.stderr], [1, 'error: no matching resources found\n']);
  const noFor = await wh.run(['wait', 'pod/p1']);
  assert.match(noFor.stderr, /^error: --for must be given\n/);
});
