import { test } from 'node:test';
import assert from 'node:assert/strict';
import { knobsFor, parseRange } from './knobs.js';

test('pod-wide knobs, overridden per container', () => {
  const annotations = {
    'sim.wheelhouse.io/exit-code': '3',
    'sim.wheelhouse.io/worker.exit-code': '0',
    'sim.wheelhouse.io/worker.exit-after-ms': '250',
    'sim.wheelhouse.io/ready-after-ms': '1500',
    'sim.wheelhouse.io/probe-fail': 'liveness, bogus,readiness',
    'sim.wheelhouse.io/cpu': '250m',
    'sim.wheelhouse.io/memory': '64Mi',
  };
  const app = knobsFor(annotations, 'app');
  assert.deepEqual(app.exit, { code: 3, afterMs: 1000 });
  assert.equal(app.readyAfterMs, 1500);
  assert.deepEqual(app.probeFail, ['liveness', 'readiness']);
  assert.equal(app.cpuMillis, 250);
  assert.equal(app.memoryBytes, 64 * 1024 * 1024);
  assert.deepEqual(knobsFor(annotations, 'worker').exit, { code: 0, afterMs: 250 });
});

test('no annotations: runs forever, ready at once, default delay', () => {
  const k = knobsFor({}, 'app');
  assert.deepEqual([k.exit, k.readyAfterMs, k.probeFail, k.startDelayMs, k.ignoreSigterm], [undefined, 0, [], undefined, false]);
});

test('start delays are a value or a range', () => {
  assert.deepEqual(parseRange('150'), [150, 150]);
  assert.deepEqual(parseRange('0-200'), [0, 200]);
  assert.equal(parseRange('-5'), undefined);
  assert.equal(parseRange('200-100'), undefined);
});

test('log-every-ms makes a chatty container, never faster than every 10 ms', () => {
  assert.equal(knobsFor({ 'sim.wheelhouse.io/log-every-ms': '50' }, 'app').logEveryMs, 50);
  assert.equal(knobsFor({ 'sim.wheelhouse.io/log-every-ms': '1' }, 'app').logEveryMs, 10);
  assert.equal(knobsFor({}, 'app').logEveryMs, undefined);
});
