import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContainerProbes, type ProbeVerdicts } from './container-probes.js';
import type { ProbeKind, ProbeWorkerOptions } from '../probes/probe-worker.js';

function harness() {
  const running = new Map<ProbeKind, ProbeWorkerOptions>();
  const stopped: ProbeKind[] = [];
  const probes = new ContainerProbes((o) => {
    running.set(o.kind, o);
    return { stop: () => stopped.push(o.kind) };
  });
  const log: string[] = [];
  let current = true;
  const verdicts: ProbeVerdicts = {
    target: {} as ProbeVerdicts['target'],
    isCurrent: () => current,
    started: () => log.push('started'),
    ready: (ok) => log.push(`ready=${ok}`),
    unhealthy: (kind) => log.push(`unhealthy:${kind}`),
  };
  return { probes, running, stopped, log, verdicts, retire: () => (current = false) };
}
const probe = { periodSeconds: 1 };

test('no probes: started and ready at once', () => {
  const h = harness();
  h.probes.start('app', { name: 'app' }, h.verdicts);
  assert.deepEqual(h.log, ['started', 'ready=true']);
  assert.equal(h.running.size, 0);
});

test('a startup probe holds liveness and readiness back until it passes, then stops', () => {
  const h = harness();
  h.probes.start('app', { name: 'app', startupProbe: probe, livenessProbe: probe, readinessProbe: probe }, h.verdicts);
  assert.deepEqual([...h.running.keys()], ['startup']);
  assert.deepEqual(h.log, []);
  h.running.get('startup')!.onResult(true);
  assert.deepEqual(h.stopped, ['startup']);
  assert.deepEqual([...h.running.keys()].sort(), ['liveness', 'readiness', 'startup']);
  assert.deepEqual(h.log, ['started']);
  h.running.get('readiness')!.onResult(true);
  h.running.get('liveness')!.onResult(false, 'Liveness probe failed: boom');
  assert.deepEqual(h.log, ['started', 'ready=true', 'unhealthy:liveness']);
});

test('a failing startup probe is unhealthy; verdicts about a retired run are ignored', () => {
  const h = harness();
  h.probes.start('app', { name: 'app', startupProbe: probe }, h.verdicts);
  h.running.get('startup')!.onResult(false);
  assert.deepEqual(h.log, ['unhealthy:startup']);
  h.retire();
  h.running.get('startup')!.onResult(true);
  assert.deepEqual(h.log, ['unhealthy:startup']);
  h.probes.stopAll();
  assert.deepEqual(h.stopped, ['startup']);
});
