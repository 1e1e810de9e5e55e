import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runLifecycleHandler } from './index.js';
import { closedPort, containerTarget, serve } from '../probes/probe-fixture.test-support.js';

test('exec hook runs in the container and succeeds on exit 0', async (t) => {
  const target = await containerTarget(t);
  assert.deepEqual(await runLifecycleHandler({ exec: { command: ['sh', '-c', 'echo $MARK > hook.out'] } }, target, 5000), { ok: true });
  assert.equal(readFileSync(join(target.sandbox.dir, 'hook.out'), 'utf8'), 'm\n');
});

test('a failing exec hook gets the kubelet message', async (t) => {
  const target = await containerTarget(t);
  const result = await runLifecycleHandler({ exec: { command: ['sh', '-c', 'echo boom; exit 2'] } }, target, 5000);
  assert.deepEqual(result, {
    ok: false,
    message: `Exec lifecycle hook ([sh -c echo boom; exit 2]) for Container "app" in Pod "web-1_shop(${target.sandbox.uid})" failed - error: command 'sh -c echo boom; exit 2' exited with 2: boom\n, message: "boom\\n"`,
  });
});

test('httpGet hook reaches the pod IP on a named port; any response counts as delivered', async (t) => {
  const target = await containerTarget(t);
  const paths: string[] = [];
  const port = await serve(t, target.sandbox.podIP, (req, res) => {
    paths.push(req.url ?? '');
    res.statusCode = 500;
    res.end();
  });
  target.ports = [{ name: 'admin', containerPort: port }];
  assert.deepEqual(await runLifecycleHandler({ httpGet: { path: '/shutdown', port: 'admin' } }, target, 5000), { ok: true });
  assert.deepEqual(paths, ['/shutdown']);
});

test('an httpGet hook that cannot connect fails with the kubelet message', async (t) => {
  const target = await containerTarget(t);
  const ip = target.sandbox.podIP;
  const port = await closedPort(ip);
  assert.deepEqual(await runLifecycleHandler({ httpGet: { path: '/stop', port } }, target, 5000), {
    ok: false,
    message: `HTTP lifecycle hook (/stop) for Container "app" in Pod "web-1_shop(${target.sandbox.uid})" failed - error: Get "http://${ip}:${port}/stop": dial tcp ${ip}:${port}: connect: connection refused`,
  });
});

test('sleep hook sleeps, cut short by the time the hook has', async (t) => {
  const target = await containerTarget(t);
  const began = Date.now();
  assert.deepEqual(await runLifecycleHandler({ sleep: { seconds: 1 } }, target, 5000), { ok: true });
  assert.ok(Date.now() - began >= 950);
  const cut = Date.now();
  assert.deepEqual(await runLifecycleHandler({ sleep: { seconds: 60 } }, target, 200), { ok: true });
  assert.ok(Date.now() - cut < 30_000, 'did not sleep the full minute');
});
