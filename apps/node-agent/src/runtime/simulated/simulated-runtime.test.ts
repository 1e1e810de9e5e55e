import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SimulatedRuntime } from './simulated-runtime.js';
import type { ContainerConfig } from '../runtime.js';

const config = (name = 'app'): ContainerConfig => ({ name, image: 'nginx', command: [], args: [], env: {}, init: false });
const pod = (annotations: Record<string, string> = {}) => ({ uid: 'u1', namespace: 'default', name: 'web', annotations });

test('a sandbox gets an address of the node range, the same one when asked again', async () => {
  const rt = new SimulatedRuntime({ podCIDR: '127.64.7.0/24', startDelayMs: [0, 0] });
  const sandbox = await rt.createSandbox(pod());
  assert.equal(sandbox.podIP, '127.64.7.1');
  assert.equal((await rt.createSandbox(pod())).podIP, '127.64.7.1');
  const other = await rt.createSandbox({ uid: 'u2', namespace: 'default', name: 'b', podIP: '127.64.7.9' });
  assert.equal(other.podIP, '127.64.7.9');
});

test('containers exit with the annotated code after the annotated time', async () => {
  const rt = new SimulatedRuntime({ podCIDR: '127.64.7.0/24', startDelayMs: [0, 0] });
  const sandbox = await rt.createSandbox(pod({ 'sim.wheelhouse.io/exit-code': '3', 'sim.wheelhouse.io/exit-after-ms': '30' }));
  const instance = await rt.start(sandbox, config(), 0);
  assert.equal(instance.state().state, 'running');
  const exited = await instance.exited;
  assert.deepEqual([exited.exitCode, exited.reason], [3, 'Error']);
  assert.ok(exited.finishedAt.getTime() - exited.startedAt.getTime() >= 25);
});

test('stop: graceful exit 0, grace 0 is SIGKILL, SIGTERM ignored waits out the grace', async () => {
  const rt = new SimulatedRuntime({ podCIDR: '127.64.7.0/24', startDelayMs: [0, 0] });
  const sandbox = await rt.createSandbox(pod({ 'sim.wheelhouse.io/stubborn.ignore-sigterm': 'true' }));
  const a = await rt.start(sandbox, config('a'), 0);
  await rt.stop(a, 1000);
  assert.equal((await a.exited).exitCode, 0);
  const b = await rt.start(sandbox, config('b'), 0);
  await rt.stop(b, 0);
  assert.deepEqual([(await b.exited).exitCode, (await b.exited).signal], [137, 'SIGKILL']);
  const c = await rt.start(sandbox, config('stubborn'), 0);
  const t = Date.now();
  await rt.stop(c, 50);
  assert.ok(Date.now() - t >= 45);
  assert.equal((await c.exited).signal, 'SIGKILL');
});

test('logs of the current and the previous run; usage while running; removal kills', async () => {
  const rt = new SimulatedRuntime({ podCIDR: '127.64.7.0/24', startDelayMs: [0, 0] });
  const sandbox = await rt.createSandbox(pod({ 'sim.wheelhouse.io/memory': '32Mi' }));
  const first = await rt.start(sandbox, config(), 0);
  await rt.stop(first, 0);
  const second = await rt.start(sandbox, config(), 1);
  assert.match((await rt.readLogs('u1', 'app', {})).join('\n'), /started, run 1/);
  const previous = await rt.readLogs('u1', 'app', { previous: true, timestamps: true });
  assert.match(previous[0]!, /^\d{4}-\d\d-\d\dT.* simulated container app \(nginx\) started, run 0$/);
  assert.match(previous.at(-1)!, /exiting with code 137/);
  assert.deepEqual(await rt.readLogs('u1', 'app', { tailLines: 0 }), []);
  const usage = await rt.usage('u1');
  assert.equal(usage!.memoryBytes, 32 * 1024 * 1024);
  assert.ok(usage!.cpuNanoCores > 0);
  await rt.removeSandbox('u1');
  assert.equal(second.state().state, 'exited');
  assert.equal(await rt.usage('u1'), undefined);
});

test('an adopted run keeps its start time', async () => {
  const rt = new SimulatedRuntime({ podCIDR: '127.64.7.0/24', startDelayMs: [0, 0] });
  const sandbox = await rt.createSandbox(pod());
  const startedAt = new Date(Date.now() - 60_000);
  const instance = await rt.adopt(sandbox, config(), 2, startedAt);
  assert.deepEqual(instance!.state(), { state: 'running', startedAt });
  assert.equal(instance!.id, 'u1/app/2');
});

test('the cpu and memory knobs follow the pod’s current annotations (a load knob for the autoscaler)', async () => {
  const rt = new SimulatedRuntime({ podCIDR: '127.64.7.0/24', startDelayMs: [0, 0] });
  const sandbox = await rt.createSandbox(pod({ 'sim.wheelhouse.io/cpu': '100m' }));
  await rt.start(sandbox, config(), 0);
  assert.equal((await rt.usage('u1'))!.cpuNanoCores, 100_000_000, 'the annotations it started with');
  assert.equal((await rt.usage('u1', { 'sim.wheelhouse.io/cpu': '450m' }))!.cpuNanoCores, 450_000_000, 'changed since');
  assert.equal((await rt.usage('u1', { 'sim.wheelhouse.io/app.cpu': '1', 'sim.wheelhouse.io/memory': '1Gi' }))!.memoryBytes, 1024 ** 3);
  assert.equal((await rt.usage('u1', { 'sim.wheelhouse.io/app.cpu': '1' }))!.cpuNanoCores, 1_000_000_000, 'per container');
  await rt.removeSandbox('u1');
});
