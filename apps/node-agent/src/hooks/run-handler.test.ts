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

test('sleep hook sleeps its seconds, cut short by the time the hook has (mocked clock)', async (t) => {
  const target = await containerTarget(t);
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const settled = (hook: Promise<unknown>) => {
    let done = false;
    void hook.then(() => (done = true));
    return async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return done;
    };
  };
  const second = runLifecycleHandler({ sleep: { seconds: 1 } }, target, 5000);
  const secondDone = settled(second);
  t.mock.timers.tick(999);
  assert.equal(await secondDone(), false, 'still sleeping after 999 ms');
  t.mock.timers.tick(1);
  assert.equal(await secondDone(), true, 'done at 1000 ms');
  assert.deepEqual(await second, { ok: true });

  const minute = runLifecycleHandler({ sleep: { seconds: 60 } }, target, 200);
  const minuteDone = settled(minute);
  t.mock.timers.tick(199);
  assert.equal(await minuteDone(), false, 'still sleeping after 199 ms');
  t.mock.timers.tick(1);
  assert.equal(await minuteDone(), true, 'the 60 s sleep ended with the hook’s 200 ms');
  assert.deepEqual(await minute, { ok: true });
});
