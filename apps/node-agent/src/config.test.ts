import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { configFrom, parseLabels, parseTaints } from './config.js';

const env = { WHEELHOUSE_TOKEN: 't', WHEELHOUSE_SERVER: 'http://127.0.0.1:1/graphql' };

test('defaults: one process node named after the host, kubelet port 10250, 10 s leases', () => {
  const c = configFrom([], env);
  assert.deepEqual(c.nodeNames, [hostname().toLowerCase()]);
  assert.equal(c.runtime, 'process');
  assert.equal(c.port, 10250);
  assert.equal(c.leaseRenewIntervalMs, 10_000);
  assert.equal(c.backoffInitialMs, 10_000);
  assert.equal(c.backoffMaxMs, 300_000);
  assert.equal(c.token, 't');
});

test('simulated: one node named like the host unless --nodes asks for many with a prefix', () => {
  assert.deepEqual(configFrom(['--runtime', 'simulated', '--node-name', 'one'], env).nodeNames, ['one']);
  assert.deepEqual(configFrom(['--runtime', 'simulated', '--nodes', '3', '--node-prefix', 'n-'], env).nodeNames, ['n-0', 'n-1', 'n-2']);
  const sim = configFrom(['--runtime', 'simulated'], env);
  assert.deepEqual(sim.capacity, { cpu: '4', memory: '8Gi', pods: '110' });
  assert.deepEqual(configFrom(['--runtime', 'simulated', '--manage-annotated'], env).nodeNames, [], 'kwok mode: no own node by default');
});

test('bad flags are refused', () => {
  assert.throws(() => configFrom(['--runtime', 'docker'], env), /process or simulated/);
  assert.throws(() => configFrom(['--nodes', '3'], env), /exactly one node/);
  assert.throws(() => configFrom(['--manage-annotated'], env), /simulated/);
  assert.throws(() => configFrom(['--bogus'], env));
});

test('labels and taints in kubectl syntax', () => {
  assert.deepEqual(parseLabels('a=b, zone=eu-1'), { a: 'b', zone: 'eu-1' });
  assert.throws(() => parseLabels('novalue'));
  assert.deepEqual(parseTaints('dedicated=gpu:NoSchedule,spot:PreferNoSchedule'), [
    { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
    { key: 'spot', effect: 'PreferNoSchedule' },
  ]);
  assert.throws(() => parseTaints('x=y:Sometimes'));
});

test('service proxy: on for the process runtime unless WHEELHOUSE_SERVICE_PROXY=false; never listening for simulated nodes', () => {
  assert.equal(configFrom([], env).serviceProxy, true);
  assert.equal(configFrom([], { ...env, WHEELHOUSE_SERVICE_PROXY: 'false' }).serviceProxy, false);
  assert.equal(configFrom(['--service-proxy', 'false'], env).serviceProxy, false);
  assert.equal(configFrom(['--runtime', 'simulated'], env).serviceProxy, false);
  assert.throws(() => configFrom(['--runtime', 'simulated', '--service-proxy', 'true'], env), /needs --runtime process/);
  assert.equal(configFrom(['--runtime', 'simulated'], { ...env, WHEELHOUSE_SERVICE_PROXY: 'true' }).serviceProxy, false, 'the shared variable does not stop a simulated agent');
  assert.throws(() => configFrom([], { ...env, WHEELHOUSE_SERVICE_PROXY: 'yes' }), /must be true or false/);
});
