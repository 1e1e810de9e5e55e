import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstProbeDelayMs, startProbeWorker } from './worker.js';
import { containerTarget, serve } from './probe-fixture.test-support.js';

test('the first probe waits out initialDelaySeconds from the container start', () => {
  const started = new Date(10_000);
  assert.equal(firstProbeDelayMs(started, 5, 12_000), 3000);
  assert.equal(firstProbeDelayMs(started, 5, 20_000), 0);
  assert.equal(firstProbeDelayMs(started, undefined, 10_500), 0);
});

/** Resolves with the next verdict the worker reports. */
function verdicts() {
  const queue: [boolean, string | undefined][] = [];
  let wake: (() => void) | undefined;
  return {
    onResult(success: boolean, message?: string) {
      queue.push([success, message]);
      wake?.();
    },
    async next(): Promise<[boolean, string | undefined]> {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return queue.shift() as [boolean, string | undefined];
    },
  };
}

test('readiness over HTTP: failing, then ready once the server answers 200, with the kubelet message', async (t) => {
  const target = await containerTarget(t);
  let healthy = false;
  const port = await serve(t, target.sandbox.podIP, (_req, res) => {
    res.statusCode = healthy ? 200 : 503;
    res.end();
  });
  const seen = verdicts();
  const worker = startProbeWorker({ kind: 'readiness', probe: { httpGet: { path: '/ready', port }, periodSeconds: 1, failureThreshold: 1 }, target, onResult: seen.onResult });
  t.after(() => worker.stop());
  assert.deepEqual(await seen.next(), [false, 'Readiness probe failed: HTTP probe failed with statuscode: 503']);
  healthy = true;
  assert.deepEqual(await seen.next(), [true, undefined]);
});

test('liveness: reports failure after failureThreshold failures in a row, then stops probing the instance', async (t) => {
  const target = await containerTarget(t);
  const seen = verdicts();
  // Each probe leaves a line in the pod directory, so the test can count the probes run.
  const worker = startProbeWorker({
    kind: 'liveness',
    probe: { exec: { command: ['sh', '-c', 'echo probe >> probes.log; echo dead; exit 1'] }, periodSeconds: 1, failureThreshold: 2 },
    target,
    onResult: seen.onResult,
  });
  t.after(() => worker.stop());
  assert.deepEqual(await seen.next(), [false, 'Liveness probe failed: dead\n']);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  assert.equal(readFileSync(join(target.sandbox.dir, 'probes.log'), 'utf8'), 'probe\nprobe\n', 'no probes after the failure: the container is to be restarted');
});
